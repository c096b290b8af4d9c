package org.ipaserver.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One Chromium for the tests of a class, and the client page driven in it. */
abstract class BrowserSession {

    static Browser browser;
    static Client client;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open();
        client = new Client(browser);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }
}
