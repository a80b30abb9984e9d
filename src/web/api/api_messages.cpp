#include "web/api/api_messages.h"

namespace mamori::web::api {

namespace {

constexpr Message kMessages[] = {
    // Errors by HTTP status (also for the router's own 404/405/500).
    {"status.400", "リクエストが正しくありません。", "The request is not valid."},
    {"status.401", "認証が必要です。", "Authentication is required."},
    {"status.403", "この操作をする権限がありません。", "You are not allowed to do this."},
    {"status.404", "そのリソースはありません。", "There is no such resource."},
    {"status.405", "この URL ではこのメソッドは使えません。", "This method is not allowed on this URL."},
    {"status.409", "現在の状態と矛盾するため実行できません。", "This conflicts with the current state."},
    {"status.413", "送信されたデータが大きすぎます。", "The request body is too large."},
    {"status.415", "本文は application/json で送ってください。", "Send the body as application/json."},
    {"status.422", "内容に誤りがあります。", "The content is not valid."},
    {"status.500", "内部エラーが発生しました。", "An internal error occurred."},
    {"status.503", "一時的に応答できません。しばらくしてからもう一度お試しください。",
     "Temporarily unavailable; please retry later."},

    {"auth.missing", "認証が必要です。Authorization: Bearer ヘッダーで API トークンを送ってください（トークンは /account で発行できます）。",
     "Authentication is required: send an API token in the Authorization: Bearer header (tokens are issued on "
     "/account)."},
    {"auth.invalid", "API トークンが無効です（誤り・失効・アカウント停止）。",
     "The API token is not valid (wrong, revoked, or the account is disabled)."},
    {"auth.pending", "二要素認証が終わっていません。", "The second factor has not been given yet."},

    {"write.read_only", "この役割では変更できません（閲覧のみ）。", "Your role may read but not change anything."},
    {"write.out_of_scope", "自分の担当範囲外の所属・管理者の記録は登録・変更できません。",
     "You may not create or change records outside your scope (department or person responsible)."},
    {"record.not_found", "その記録はないか、閲覧する権限がありません。",
     "That record does not exist or you may not see it."},
    {"record.kind_not_found", "台帳の種類「{}」はありません。", "There is no register kind '{}'."},
    {"record.not_saved", "保存していません。次の点を直してください。", "Not saved. Please correct the following."},
    {"record.exists", "同じ番号の記録が既にあります。", "A record with the same number already exists."},
    {"record.conflict", "他の記録が参照しているか、参照先の記録がありません。",
     "Another record refers to this one, or a record it refers to does not exist."},

    {"body.too_large", "本文が大きすぎます（{} バイトまで）。", "The body is too large (at most {} bytes)."},
    {"body.media_type", "本文は application/json で送ってください（受け取った Content-Type: {}）。",
     "Send the body as application/json (received Content-Type: {})."},
    {"body.bad_json", "本文が JSON として読めません: {}", "The body is not valid JSON: {}"},
    {"body.not_object", "本文は JSON のオブジェクト（{\"項目\": 値}）にしてください。",
     "The body must be a JSON object ({\"field\": value})."},
    {"body.too_deep", "本文の入れ子が深すぎます。", "The body is nested too deeply."},

    {"field.unknown", "項目「{}」は{}にありません。", "There is no field '{}' in {}."},
    {"field.number_fixed", "番号は変更できません（削除して登録し直してください）。",
     "The number cannot be changed (delete the record and create it again)."},
    {"field.number_mismatch", "本文の番号が URL の番号と違います。", "The number in the body differs from the URL's."},
    {"field.not_list", "この項目は一覧ではありません。配列でなく文字列か数値で指定してください。",
     "This field is not a list: give a string or a number, not an array."},
    {"field.bad_item", "一覧の要素は文字列か数値にしてください。", "Items of a list must be strings or numbers."},
    {"field.object", "値にオブジェクトは使えません。", "An object is not a valid value."},
    {"field.required", "必須項目が空です。", "This field is required."},
    {"field.bool", "「{}」は、はい／いいえ（true／false）で書いてください。", "'{}' is not yes/no (true, false, yes, no, 1, 0)."},
    {"field.hours", "「{}」は時間数（例: 24、24時間、3日）で書いてください。",
     "'{}' is not a number of hours (e.g. 24, 24h, 3d)."},
    {"alerts.forbidden", "通信の警告を読めるのは CISO・統括・情報セキュリティ責任者・監査人・情報システム管理者と担当者です（状態の変更は CISO・統括・情報システム管理者）。",
     "Traffic alerts are for the CISO, chief and security officers, auditors and system staff (status changes: CISO, chief officer, system administrators)."},
    {"alerts.status", "状態は new, acknowledged, incident, dismissed のいずれかです。",
     "The status is one of new, acknowledged, incident, dismissed."},
    {"field.integer", "「{}」は整数で書いてください。", "'{}' is not a whole number."},
    {"field.date", "「{}」は日付（例: 2026-04-01、令和8年4月1日）で書いてください。",
     "'{}' is not a date (e.g. 2026-04-01)."},
    {"field.enum", "「{}」は使えません（{} のいずれか）。", "'{}' is not allowed (one of: {})."},
    {"field.level", "「{}」はこのプロファイルの区分にありません（{}）。", "'{}' is not a level of this profile ({})."},
    {"field.number", "番号が長すぎるか、制御文字を含んでいます。", "The number is too long or contains control characters."},

    {"param.bad", "パラメータ「{}」の値が正しくありません: {}", "The parameter '{}' is not valid: {}"},
    {"param.unknown", "パラメータ「{}」は使えません。", "There is no parameter '{}'."},
    {"param.number", "0 以上の整数にしてください", "must be a whole number of 0 or more"},
    {"param.order", "asc か desc にしてください", "must be asc or desc"},
    {"param.field", "{}にこの項目はありません", "{} has no such field"},
    {"param.status", "fail、unknown、pass、open、all のいずれかにしてください",
     "must be one of fail, unknown, pass, open, all"},
    {"param.severity", "high、medium、low のいずれかにしてください", "must be one of high, medium, low"},
    {"param.entity", "記録の種類（asset、system …）にしてください", "must be a record type (asset, system …)"},
    {"param.since", "日付（2026-04-01）か日時（2026-04-01T09:00:00+09:00）にしてください",
     "must be a date (2026-04-01) or a date-time (2026-04-01T09:00:00+09:00)"},

    {"history.scope_only",
     "全体の変更履歴は、台帳全体を閲覧できる役割だけが読めます。entity と number で担当範囲内の記録を指定してください。",
     "Only roles that see the whole register read the whole history; name one record in your scope with entity "
     "and number."},
    {"findings.unavailable", "点検結果を計算できませんでした: {}", "The findings could not be computed: {}"},
};

}  // namespace

std::span<const Message> ApiMessages() { return kMessages; }

// A linear search: some fifty entries, read only on errors.
std::string_view M(Lang lang, std::string_view key) {
  for (const auto& m : kMessages)
    if (m.key == key) return English(lang) ? m.en : m.ja;
  return key;
}

std::string MF(Lang lang, std::string_view key, std::string_view a) {
  std::string text(M(lang, key));
  if (auto pos = text.find("{}"); pos != std::string::npos) text.replace(pos, 2, a);
  return text;
}

std::string MF(Lang lang, std::string_view key, std::string_view a, std::string_view b) {
  std::string text(M(lang, key));
  if (auto pos = text.find("{}"); pos != std::string::npos) {
    text.replace(pos, 2, a);
    if (auto next = text.find("{}", pos + a.size()); next != std::string::npos) text.replace(next, 2, b);
  }
  return text;
}

}  // namespace mamori::web::api
