package app.custodian.platform.control;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Splits names into accent-free, lower-case words so "Nguyễn" matches "nguyen". */
public final class NameWords {

  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private NameWords() {}

  /** Distinct words in order of first appearance; null or blank gives an empty list. */
  public static List<String> words(String text) {
    if (text == null) {
      return List.of();
    }
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    // đ/Đ are letters of their own, not d with a combining mark, so NFD leaves them alone.
    String plain =
        COMBINING_MARKS
            .matcher(decomposed)
            .replaceAll("")
            .replace('đ', 'd')
            .replace('Đ', 'd')
            .toLowerCase(Locale.ROOT);
    Set<String> words = new LinkedHashSet<>();
    for (String word : NON_WORD.split(plain)) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return List.copyOf(words);
  }
}
