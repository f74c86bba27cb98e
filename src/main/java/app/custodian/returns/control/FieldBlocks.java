package app.custodian.returns.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The groups of {@code Name: value} fields of a {@code message/delivery-status} or {@code
 * message/feedback-report} body: groups are separated by blank lines, a line that starts with white
 * space continues the field above. Names are lower-cased; the first of a repeated name wins.
 */
final class FieldBlocks {

  private FieldBlocks() {}

  static List<Map<String, String>> parse(String text) {
    List<Map<String, String>> blocks = new ArrayList<>();
    Map<String, String> block = new LinkedHashMap<>();
    String name = null;
    StringBuilder value = new StringBuilder();
    for (String line : text.split("\\r?\\n|\\r", -1)) {
      boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
      if (continuation && !line.isBlank() && name != null) {
        value.append(' ').append(line.strip());
        continue;
      }
      if (name != null) {
        block.putIfAbsent(name, value.toString().strip());
        name = null;
      }
      if (line.isBlank()) {
        if (!block.isEmpty()) {
          blocks.add(block);
          block = new LinkedHashMap<>();
        }
        continue;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        value.setLength(0);
        value.append(line.substring(colon + 1));
      }
    }
    if (name != null) {
      block.putIfAbsent(name, value.toString().strip());
    }
    if (!block.isEmpty()) {
      blocks.add(block);
    }
    return blocks;
  }

  /** All groups in one map, the first value of each name winning. */
  static Map<String, String> merged(String text) {
    Map<String, String> all = new LinkedHashMap<>();
    parse(text).forEach(block -> block.forEach(all::putIfAbsent));
    return all;
  }
}
