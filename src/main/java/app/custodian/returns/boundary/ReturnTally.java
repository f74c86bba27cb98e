package app.custodian.returns.boundary;

import app.custodian.returns.control.ReturnedMail.Kind;
import java.util.HashMap;
import java.util.Map;

/**
 * The counts of a {@code mail-returns} run, kept as the step's persistent user data (a plain {@link
 * HashMap}, which any batch runtime can restore) so that a restart continues them.
 */
public final class ReturnTally {

  public static final String READ = "read";

  private ReturnTally() {}

  public static HashMap<String, Long> from(Object persisted) {
    HashMap<String, Long> counts = new HashMap<>();
    if (persisted instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> {
            if (key instanceof String name && value instanceof Long count) {
              counts.put(name, count);
            }
          });
    }
    return counts;
  }

  public static void add(HashMap<String, Long> counts, String name) {
    counts.merge(name, 1L, Long::sum);
  }

  public static String of(Kind kind) {
    return kind.name();
  }
}
