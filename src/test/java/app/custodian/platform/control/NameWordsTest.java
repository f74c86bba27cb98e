package app.custodian.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameWordsTest {

  @Test
  void stripsVietnameseDiacritics() {
    assertEquals(List.of("nguyen", "van", "an"), NameWords.words("Nguyễn Văn An"));
  }

  @Test
  void mapsDStrokeAndSplitsOnPunctuationAndWhitespace() {
    assertEquals(List.of("dang", "thi", "hoa"), NameWords.words("  ĐẶNG  thị-Hoa "));
    assertEquals(List.of("do", "duc"), NameWords.words("đỗ.Đức"));
  }

  @Test
  void partialNameOverlapsFullName() {
    List<String> full = NameWords.words("Nguyễn Văn An");
    List<String> partial = NameWords.words("Nguyen Van");
    assertTrue(full.containsAll(partial));
    assertEquals(List.of("nguyen", "van"), partial);
  }

  @Test
  void composedAndDecomposedInputGiveTheSameWords() {
    String composed = "Nguy\u1EC5n"; // ễ as one code point
    String decomposed = "Nguye\u0302\u0303n"; // e + circumflex + tilde
    assertEquals(NameWords.words(composed), NameWords.words(decomposed));
  }

  @Test
  void removesDuplicatesKeepingFirstOccurrenceOrder() {
    assertEquals(List.of("an", "binh"), NameWords.words("An Bình an BINH"));
  }

  @Test
  void keepsDigits() {
    assertEquals(List.of("room", "101"), NameWords.words("Room #101"));
  }

  @Test
  void nullBlankAndSeparatorOnlyGiveNoWords() {
    assertEquals(List.of(), NameWords.words(null));
    assertEquals(List.of(), NameWords.words("   "));
    assertEquals(List.of(), NameWords.words(" - , . "));
  }
}
