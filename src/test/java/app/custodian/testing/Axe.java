package app.custodian.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * axe-core, the accessibility engine, from npm's package as a WebJar on the test class path: its
 * script, injected into a page, and the call that runs the WCAG A and AA rules there.
 */
final class Axe {

  private static final String WEBJAR = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";

  /**
   * Runs axe-core on the whole document; answers one line per failing element, or a string when
   * axe-core failed. Contrast lines carry the colours axe-core measured.
   */
  static final String RUN =
      """
      const done = arguments[arguments.length - 1];
      const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
      axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
        .then(results => done(results.violations.flatMap(rule => rule.nodes.map(node => {
          const contrast = node.any.map(check => check.data)
            .find(data => data && data.contrastRatio !== undefined);
          const why = contrast
            ? `${contrast.fgColor} on ${contrast.bgColor} is ${contrast.contrastRatio}:1,`
              + ` needs ${contrast.expectedContrastRatio}`
              + ` (${contrast.fontSize}, ${contrast.fontWeight})`
            : node.failureSummary.replace(/\\s+/g, ' ');
          return `${rule.id} ${JSON.stringify(node.target)} ${why}`;
        }))))
        .catch(error => done(String(error)));
      """;

  private static String source;

  private Axe() {}

  static synchronized String source() {
    if (source == null) {
      source = read("META-INF/resources/webjars/axe-core/" + version() + "/axe.min.js");
    }
    return source;
  }

  private static String version() {
    Properties webjar = new Properties();
    try (InputStream in = resource(WEBJAR)) {
      webjar.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return webjar.getProperty("version");
  }

  private static String read(String name) {
    try (InputStream in = resource(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = Axe.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(
          name + " is not on the class path (org.webjars.npm:axe-core)");
    }
    return in;
  }
}
