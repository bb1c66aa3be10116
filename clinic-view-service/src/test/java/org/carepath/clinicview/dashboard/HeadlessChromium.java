package org.carepath.clinicview.dashboard;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium and chromedriver from Debian's packages (STACK.md): Selenium Manager cannot download a browser
 * here, so the binaries are named, and a machine without them fails the test with what to install, never skips it.
 * {@code CHROME_BIN} and {@code CHROMEDRIVER} override the Debian paths.
 */
final class HeadlessChromium {

    static final String INSTALL = "apt-get install -y chromium chromium-driver";

    private HeadlessChromium() {}

    static ChromeDriver start(int width, int height) {
        Path browser = binary("CHROME_BIN", "/usr/bin/chromium");
        Path driver = binary("CHROMEDRIVER", "/usr/bin/chromedriver");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .withLogFile(new File("target/chromedriver.log"))
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(browser.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--disable-gpu",
                        "--disable-extensions",
                        "--no-first-run",
                        "--window-size=" + width + "," + height);
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    private static Path binary(String variable, String debianPath) {
        String configured = System.getenv(variable);
        Path path = Path.of(configured == null || configured.isBlank() ? debianPath : configured);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("The dashboard's browser test needs " + path + " (set " + variable
                    + " to another path), and it is not there or not executable: install Chromium and its driver"
                    + " from Debian's packages (" + INSTALL + "), as .ci/run does.");
        }
        return path;
    }
}
