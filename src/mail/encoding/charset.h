// Japanese mail text to UTF-8 through ICU, never glibc iconv (which turns
// NEC row 13 such as ① in ISO-2022-JP into "??" and drops ① and 髙 from CP932
// mail labelled Shift_JIS without an error).
//
// Labels are read as Japanese mailers mean them, not as the registry says:
//   ISO-2022-JP (and -1, -2, csISO2022JP, ISO-2022-JP-MS) → CP50221: JIS X 0208
//     with NEC row 13, NEC-selected and IBM extensions, half-width katakana by
//     ESC ( I and SO/SI;
//   Shift_JIS, x-sjis, MS_Kanji, Windows-31J, CP932, csShiftJIS → CP932;
//   EUC-JP, x-euc-jp, csEUCPkdFmtJapanese (JIS X 0212 included) → EUC-JP (eucJP-ms);
//   UTF-8, US-ASCII, ISO-8859-*, windows-125x … → ICU's converter of that name.
// An empty or unknown label means the text is guessed (Guess below) and the
// result says so. Nothing is replaced silently: every U+FFFD that decoding
// produces is counted.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mamori::mail {

struct DecodedText {
  std::string utf8;               // always valid UTF-8
  std::size_t replacements = 0;   // characters that could not be decoded (each became U+FFFD)
  std::string charset;            // what was used: "CP50221", "CP932", "EUC-JP", "UTF-8", "US-ASCII" …
  bool guessed = false;           // the label was empty or unknown and the charset was guessed
  bool unknown_label = false;     // a label was given but is not a charset ICU knows
};

// Decodes `bytes` declared as `label` (case-insensitive, may be empty).
DecodedText DecodeText(std::string_view bytes, std::string_view label);

// The charset of undeclared text: "US-ASCII" (7-bit without ESC), "ISO-2022-JP"
// (ESC $ B / ESC $ @ / ESC ( I sequences), "UTF-8" (valid UTF-8 with 8-bit
// bytes), else "CP932" or "EUC-JP" by which decodes with fewer errors and
// more plausible Japanese.
std::string Guess(std::string_view bytes);

// UTF-8 to ISO-2022-JP (JIS X 0208 and ASCII only, ending in ASCII), or
// nullopt when a character does not fit (①, 髙, emoji, half-width kana …),
// so that the caller keeps UTF-8.
std::optional<std::string> EncodeIso2022Jp(std::string_view utf8);

}  // namespace mamori::mail
