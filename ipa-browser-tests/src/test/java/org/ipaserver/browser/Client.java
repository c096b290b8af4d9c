package org.ipaserver.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** What a person does in the client, as steps of the tests (found by label and role, as they see it). */
final class Client {

    private final Browser browser;
    private final String base;

    Client(Browser browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    Client(Browser browser) {
        this(browser, Server.HTTP);
    }

    /** The sign-in page, with no session left from before. */
    void openSignIn() {
        browser.go(base);
        browser.driver.manage().deleteAllCookies();
        browser.go(base);
        browser.shown(By.id("user"));
    }

    void typeCredentials(String user, String password) {
        var name = browser.shown(By.id("user"));
        name.clear();
        name.sendKeys(user);
        browser.driver.findElement(By.id("password")).sendKeys(password);
        browser.driver.findElement(By.cssSelector("form.sign-in-form button[type=submit]")).click();
    }

    void signIn(String user) {
        openSignIn();
        typeCredentials(user, user);
        browser.shown(By.id("sign-out"));
    }

    void signOut() {
        browser.click(By.id("sign-out"));
        browser.shown(By.id("user"));
    }

    void open(String hash) {
        browser.go(base + "#/" + hash);
    }

    WebElement navLink(String label) {
        return browser.shown(By.linkText(label));
    }

    /** The field labelled so, its control (input, select or textarea). */
    WebElement control(String label) {
        var wrapper = fieldWrapper(label);
        return wrapper.findElement(By.cssSelector("input, select, textarea"));
    }

    WebElement fieldWrapper(String label) {
        return browser.shown(By.xpath("//div[contains(@class,'field')][label[normalize-space(.)='" + label
                + "' or normalize-space(.)='" + label + " *'] or span[@class='label' and normalize-space(.)='"
                + label + "']]"));
    }

    void type(String label, String value) {
        var control = control(label);
        control.clear();
        control.sendKeys(value);
    }

    void choose(String label, String choice) {
        new Select(control(label)).selectByVisibleText(choice);
    }

    /** The error the page shows at that field, once it shows one. */
    String errorAt(String label) {
        var wrapper = fieldWrapper(label);
        return browser.await(d -> {
            var text = wrapper.findElement(By.className("field-error")).getText();
            return text.isBlank() ? null : text;
        });
    }

    void press(String button) {
        browser.click(By.xpath("//button[normalize-space(.)='" + button + "']"));
    }

    /** My Work Items, once it lists the item described so among the user's own (it updates itself, live). */
    WebElement awaitWorkItem(String description) {
        open("work");
        // once live, the page has read its lists again after connecting: the row found stays
        browser.await(d -> d.findElement(By.id("live-status")).getText().startsWith("Live") ? true : null);
        var row = By.xpath("//table[@data-list='mine']//a[normalize-space(.)='" + description + "']");
        return new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(40))
                .pollingEvery(Duration.ofMillis(250))
                .until(d -> d.findElements(row).stream().findFirst().orElse(null));
    }

    void awaitTitle(String heading) {
        browser.await(ExpectedConditions.textToBe(By.id("page-title"), heading));
    }

    void assertHeading(String heading) {
        assertEquals(heading, browser.shown(By.id("page-title")).getText());
    }
}
