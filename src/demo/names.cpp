#include "demo/names.h"

#include <array>
#include <string_view>

namespace mamori::demo {
namespace {

struct Entry {
  std::string_view kanji;
  std::string_view romaji;
};

// Roughly in order of frequency. 髙橋 and 山﨑 are IBM extensions in CP932:
// they appear in real staff lists and exercise the export path.
constexpr auto kSurnames = std::to_array<Entry>({
    {"佐藤", "sato"},       {"鈴木", "suzuki"},     {"高橋", "takahashi"}, {"田中", "tanaka"},     {"伊藤", "ito"},
    {"渡辺", "watanabe"},   {"山本", "yamamoto"},   {"中村", "nakamura"},  {"小林", "kobayashi"},  {"加藤", "kato"},
    {"吉田", "yoshida"},    {"山田", "yamada"},     {"佐々木", "sasaki"},  {"山口", "yamaguchi"},  {"松本", "matsumoto"},
    {"井上", "inoue"},      {"木村", "kimura"},     {"林", "hayashi"},     {"斎藤", "saito"},      {"清水", "shimizu"},
    {"山崎", "yamazaki"},   {"森", "mori"},         {"池田", "ikeda"},     {"橋本", "hashimoto"},  {"阿部", "abe"},
    {"石川", "ishikawa"},   {"山下", "yamashita"},  {"中島", "nakajima"},  {"石井", "ishii"},      {"小川", "ogawa"},
    {"前田", "maeda"},      {"岡田", "okada"},      {"長谷川", "hasegawa"}, {"藤田", "fujita"},    {"後藤", "goto"},
    {"近藤", "kondo"},      {"村上", "murakami"},   {"遠藤", "endo"},      {"青木", "aoki"},       {"坂本", "sakamoto"},
    {"斉藤", "saito"},      {"福田", "fukuda"},     {"太田", "ota"},       {"西村", "nishimura"},  {"藤井", "fujii"},
    {"金子", "kaneko"},     {"岡本", "okamoto"},    {"藤原", "fujiwara"},  {"中野", "nakano"},     {"三浦", "miura"},
    {"原田", "harada"},     {"中川", "nakagawa"},   {"松田", "matsuda"},   {"竹内", "takeuchi"},   {"小野", "ono"},
    {"田村", "tamura"},     {"中山", "nakayama"},   {"和田", "wada"},      {"石田", "ishida"},     {"森田", "morita"},
    {"上田", "ueda"},       {"原", "hara"},         {"内田", "uchida"},    {"柴田", "shibata"},    {"酒井", "sakai"},
    {"宮崎", "miyazaki"},   {"横山", "yokoyama"},   {"高木", "takagi"},    {"安藤", "ando"},       {"宮本", "miyamoto"},
    {"大野", "ono"},        {"小島", "kojima"},     {"谷口", "taniguchi"}, {"今井", "imai"},       {"工藤", "kudo"},
    {"高田", "takada"},     {"増田", "masuda"},     {"丸山", "maruyama"},  {"杉山", "sugiyama"},   {"村田", "murata"},
    {"大塚", "otsuka"},     {"新井", "arai"},       {"小山", "koyama"},    {"平野", "hirano"},     {"藤本", "fujimoto"},
    {"河野", "kono"},       {"上野", "ueno"},       {"野口", "noguchi"},   {"武田", "takeda"},     {"松井", "matsui"},
    {"千葉", "chiba"},      {"岩崎", "iwasaki"},    {"菅原", "sugawara"},  {"木下", "kinoshita"},  {"久保", "kubo"},
    {"佐野", "sano"},       {"野村", "nomura"},     {"松尾", "matsuo"},    {"市川", "ichikawa"},   {"菊地", "kikuchi"},
    {"杉本", "sugimoto"},   {"古川", "furukawa"},   {"大西", "onishi"},    {"島田", "shimada"},    {"水野", "mizuno"},
    {"桜井", "sakurai"},    {"高野", "takano"},     {"渡部", "watanabe"},  {"吉川", "yoshikawa"},  {"山内", "yamauchi"},
    {"西田", "nishida"},    {"飯田", "iida"},       {"菅野", "kanno"},     {"髙橋", "takahashi"},  {"山﨑", "yamazaki"},
    {"永井", "nagai"},      {"久保田", "kubota"},
});

constexpr auto kGivenNames = std::to_array<Entry>({
    {"翔太", "shota"},    {"大輔", "daisuke"},  {"健太", "kenta"},    {"拓也", "takuya"},   {"直樹", "naoki"},
    {"和也", "kazuya"},   {"達也", "tatsuya"},  {"浩二", "koji"},     {"誠", "makoto"},     {"隆", "takashi"},
    {"博", "hiroshi"},    {"修", "osamu"},      {"茂", "shigeru"},    {"健一", "kenichi"},  {"一郎", "ichiro"},
    {"剛", "tsuyoshi"},   {"亮", "ryo"},        {"悠斗", "yuto"},     {"陽介", "yosuke"},   {"雄一", "yuichi"},
    {"智也", "tomoya"},   {"康弘", "yasuhiro"}, {"正人", "masato"},   {"信也", "shinya"},   {"哲也", "tetsuya"},
    {"秀樹", "hideki"},   {"貴之", "takayuki"}, {"英明", "hideaki"},  {"勇気", "yuki"},     {"蓮", "ren"},
    {"大和", "yamato"},   {"浩之", "hiroyuki"}, {"俊介", "shunsuke"}, {"昌平", "shohei"},   {"克也", "katsuya"},
    {"光太郎", "kotaro"}, {"聡", "satoshi"},    {"学", "manabu"},     {"稔", "minoru"},     {"清", "kiyoshi"},
    {"圭介", "keisuke"},  {"洋平", "yohei"},
    {"陽子", "yoko"},     {"恵子", "keiko"},    {"裕子", "yuko"},     {"美穂", "miho"},     {"真由美", "mayumi"},
    {"由美子", "yumiko"}, {"智子", "tomoko"},   {"直美", "naomi"},    {"久美子", "kumiko"}, {"明美", "akemi"},
    {"香織", "kaori"},    {"沙織", "saori"},    {"愛", "ai"},         {"彩", "aya"},        {"舞", "mai"},
    {"美咲", "misaki"},   {"さくら", "sakura"}, {"陽菜", "hina"},     {"結衣", "yui"},      {"葵", "aoi"},
    {"千尋", "chihiro"},  {"麻衣", "mai"},      {"友美", "tomomi"},   {"恵", "megumi"},     {"早苗", "sanae"},
    {"綾香", "ayaka"},    {"理恵", "rie"},      {"奈々", "nana"},     {"真理子", "mariko"}, {"幸子", "sachiko"},
    {"和子", "kazuko"},   {"節子", "setsuko"},  {"加奈子", "kanako"}, {"亜希子", "akiko"},  {"瞳", "hitomi"},
    {"紀子", "noriko"},   {"絵美", "emi"},      {"優子", "yuko"},     {"春香", "haruka"},   {"菜摘", "natsumi"},
    {"美由紀", "miyuki"}, {"順子", "junko"},
});

}  // namespace

PersonName RandomName(Rng& rng) {
  const auto& family = kSurnames[rng.BelowSkewed(kSurnames.size())];
  const auto& given = kGivenNames[rng.Below(kGivenNames.size())];
  PersonName n;
  n.kanji.reserve(family.kanji.size() + given.kanji.size() + 3);
  n.kanji.append(family.kanji).append("\u3000").append(given.kanji);
  n.romaji.append(family.romaji).append("-").append(given.romaji);
  return n;
}

}  // namespace mamori::demo
