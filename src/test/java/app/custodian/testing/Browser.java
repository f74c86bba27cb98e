package app.custodian.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through {@code /usr/bin/chromedriver}: the portal as a person
 * sees it. Screenshots go to {@code target/screenshots/}. Without Chromium, tests that open one are
 * skipped and say which packages to install.
 */
public final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final Duration WAIT = Duration.ofSeconds(20);

  private final ChromeDriver driver;
  private final URI base;
  private final Path profile;

  private Browser(URI base) throws IOException {
    this.base = base;
    this.profile = Files.createTempDirectory(Path.of("target", "tmp"), "chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1366,900",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
  }

  /** Skips the calling test, naming the packages, when this machine has no Chromium. */
  public static void assumeInstalled() {
    Assumptions.assumeTrue(
        installed(),
        "No headless Chromium here: install Debian's packages chromium and chromium-driver"
            + " (apt-get install chromium chromium-driver) to run the portal's browser tests");
  }

  public static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  public static Browser open(URI base) {
    assumeInstalled();
    try {
      return new Browser(base);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Opens the login page, signs in and waits for the dashboard. */
  public Browser signIn(String username, String password) {
    go("/login.xhtml");
    type(By.id("login:username"), username);
    type(By.id("login:password"), password);
    click(By.id("login:sign-in"));
    waitFor(By.id("signed-in-as"));
    return this;
  }

  public void signOut() {
    click(By.id("session:sign-out"));
    waitFor(By.id("signed-out"));
  }

  public Browser go(String path) {
    driver.get(base.resolve(path).toString());
    return this;
  }

  public WebElement waitFor(By locator) {
    return waitAcrossUpdates(WAIT)
        .until(replacedAsNull(ExpectedConditions.visibilityOfElementLocated(locator)));
  }

  /**
   * A wait that reads again when the page replaced the element while it was read: Selenium says so
   * with a stale reference, Chromium's driver sometimes with "Node ... does not belong to the
   * document" while a navigation swaps the document.
   */
  private WebDriverWait waitAcrossUpdates(Duration timeout) {
    WebDriverWait wait = new WebDriverWait(driver, timeout);
    wait.ignoring(StaleElementReferenceException.class);
    wait.ignoring(NodeReplaced.class);
    return wait;
  }

  private static <T> java.util.function.Function<WebDriver, T> replacedAsNull(
      java.util.function.Function<WebDriver, T> condition) {
    return d -> {
      try {
        return condition.apply(d);
      } catch (WebDriverException e) {
        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
          throw new NodeReplaced(e);
        }
        throw e;
      }
    };
  }

  private static final class NodeReplaced extends RuntimeException {
    NodeReplaced(Throwable cause) {
      super(cause);
    }
  }

  public void waitForText(By locator, String text) {
    waitForText(locator, text, WAIT);
  }

  public void waitForText(By locator, String text, Duration timeout) {
    waitAcrossUpdates(timeout)
        .until(replacedAsNull(ExpectedConditions.textToBePresentInElementLocated(locator, text)));
  }

  /** Waits until the condition holds, reading again when an Ajax update replaced the elements. */
  public void waitUntil(java.util.function.BooleanSupplier condition) {
    waitAcrossUpdates(WAIT).until(replacedAsNull(d -> condition.getAsBoolean()));
  }

  /** The texts of the elements found, read at one moment. */
  public List<String> texts(By locator) {
    return driver.findElements(locator).stream().map(WebElement::getText).toList();
  }

  /** Waits until PrimeFaces has no Ajax request in flight. */
  public void settle() {
    new WebDriverWait(driver, WAIT)
        .until(
            d ->
                Boolean.TRUE.equals(
                    driver.executeScript(
                        "return !window.PrimeFaces || !PrimeFaces.ajax"
                            + " || PrimeFaces.ajax.Queue.isEmpty();")));
  }

  public void type(By locator, String text) {
    WebElement field = waitFor(locator);
    field.clear();
    field.sendKeys(text);
  }

  /** Clicks the element, finding it again when an Ajax update replaced it in between. */
  public void click(By locator) {
    waitAcrossUpdates(WAIT)
        .until(
            replacedAsNull(
                d -> {
                  WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(d);
                  if (element == null) {
                    return false;
                  }
                  element.click();
                  return true;
                }));
  }

  public String text(By locator) {
    return waitFor(locator).getText();
  }

  public List<WebElement> all(By locator) {
    return driver.findElements(locator);
  }

  public String pageSource() {
    return driver.getPageSource();
  }

  public String currentPath() {
    return URI.create(driver.getCurrentUrl()).getPath();
  }

  public WebDriver driver() {
    return driver;
  }

  /**
   * What axe-core finds against WCAG 2.0 and 2.1, levels A and AA, on the page as it is now: one
   * line per element, with the rule, the element's selector and, for contrast, the colours and the
   * ratio found and needed.
   */
  public List<String> axeViolations() {
    driver.executeScript(Axe.source());
    Object found = driver.executeAsyncScript(Axe.RUN);
    if (found instanceof String failed) {
      throw new IllegalStateException("axe-core did not run: " + failed);
    }
    return ((List<?>) found).stream().map(String::valueOf).toList();
  }

  /**
   * Fails, naming the screen and each element, when axe-core finds a WCAG A or AA violation once
   * the page's Ajax requests have ended. Not while a dialog fades in: its colours are in between.
   */
  public Browser assertAccessible(String screen) {
    settle();
    List<String> violations = axeViolations();
    if (!violations.isEmpty()) {
      screenshot("axe-" + screen);
      throw new AssertionError(
          "axe-core on "
              + screen
              + " ("
              + currentPath()
              + "):\n  "
              + String.join("\n  ", violations));
    }
    return this;
  }

  /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
