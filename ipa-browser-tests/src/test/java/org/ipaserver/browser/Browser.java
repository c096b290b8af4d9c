package org.ipaserver.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through Debian's chromedriver (no download: the binaries are named by
 * system properties), at a desktop window size, with screenshots saved as test artifacts.
 */
final class Browser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    static Browser open() {
        var options = new ChromeOptions();
        options.setBinary(System.getProperty("ipa.browser.chromium", "/usr/bin/chromium"));
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--lang=en-US");
        options.setAcceptInsecureCerts(true); // Payara's own self-signed certificate on 8181
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("ipa.browser.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(DESKTOP);
        return new Browser(driver);
    }

    void go(String url) {
        driver.get(url);
    }

    <T> T await(Function<WebDriver, T> condition) {
        // a page that draws again replaces the elements a condition was looking at: look again
        return new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** The element once it is shown. */
    WebElement shown(By by) {
        return await(d -> firstShown(d, by));
    }

    /** Clicks the element once it is shown; if the page draws it again meanwhile, clicks the new one. */
    void click(By by) {
        await(d -> {
            var element = firstShown(d, by);
            if (element == null) {
                return null;
            }
            element.click();
            return true;
        });
    }

    private static WebElement firstShown(WebDriver driver, By by) {
        return driver.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    void size(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** target/screenshots/NAME.png, viewed by a person after the run: the pages must look like a product. */
    void screenshot(String name) {
        var folder = Path.of(System.getProperty("ipa.browser.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
