package org.carepath.clinicview.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.carepath.clinicview.RunningClinicView;
import org.carepath.clinicview.figures.ClinicDays;
import org.carepath.events.Topics;
import org.carepath.events.intake.Region;
import org.carepath.testing.HttpJson;
import org.carepath.testing.TestTokens;
import org.carepath.testing.TopicPublisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in a real browser: sample episodes flow through the real broker into the read model, then headless
 * Chromium opens the page, is given an operations token as a person would paste it, and the test reads what a person
 * sees (the emergency count and row, a booked slot in the grid, the waitlist number), then watches the page update
 * by itself when another emergency arrives. Keeps a screenshot at {@code target/dashboard.png}.
 */
class DashboardBrowserIT extends RunningClinicView {

    private static final Duration FLOW = Duration.ofSeconds(30);
    private static final String SITE = "suffolk-clinic";

    private static ChromeDriver chrome;

    @BeforeAll
    static void startBrowser() {
        chrome = HeadlessChromium.start(1440, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    @Test
    void showsWhatTheTopicsSayAndUpdatesWhileOpen() throws IOException {
        // given sample episodes on the topics: an emergency, a booking in nine days, one waiting for an MRI
        String run = UUID.randomUUID().toString().substring(0, 8);
        String emergency = "e-dash-er-" + run;
        String booked = "e-dash-pt-" + run;
        String waiting = "e-dash-wait-" + run;
        Instant now = Instant.now();
        LocalDate day = ClinicDays.dateOf(now).plusDays(9);
        try (TopicPublisher topics = new TopicPublisher()) {
            topics.publish(Topics.EPISODE_REPORTED, emergency, SampleEpisodes.reported(emergency, Region.QUEENS, now));
            topics.publish(Topics.TRIAGE_DECIDED, emergency, SampleEpisodes.emergency(emergency, Region.QUEENS, now));
            topics.publish(Topics.EPISODE_REPORTED, booked, SampleEpisodes.reported(booked, Region.SUFFOLK, now));
            topics.publish(Topics.TRIAGE_DECIDED, booked, SampleEpisodes.conservativeCare(booked, Region.SUFFOLK, now));
            topics.publish(
                    Topics.APPOINTMENT_BOOKED,
                    booked,
                    SampleEpisodes.booked(booked, "a-dash-" + run, SITE, Region.SUFFOLK, day));
            topics.publish(Topics.ESTIMATE_PRODUCED, booked, SampleEpisodes.estimate(booked, now));
            topics.publish(Topics.EPISODE_REPORTED, waiting, SampleEpisodes.reported(waiting, Region.NASSAU, now));
            topics.publish(
                    Topics.APPOINTMENT_WAITLISTED,
                    waiting,
                    SampleEpisodes.waitlistedForMri(waiting, now.plus(Duration.ofDays(7))));
        }
        HttpJson api = clinicView().as(TestTokens.get().forRole("operations"));
        JsonNode overview = await().atMost(FLOW)
                .until(
                        () -> api.get("/api/v1/overview").json(),
                        figures -> hasEmergency(figures, emergency)
                                && bookedOn(figures, SITE, day) >= 1
                                && waiting(figures, "IMAGING", "NASSAU") >= 1
                                && figures.path("estimates").toString().contains("\"MEDICARE\""));

        // when a person opens the page: it holds no data and asks for a token
        chrome.get(base() + "/");
        ((JavascriptExecutor) chrome).executeScript("sessionStorage.clear()");
        chrome.navigate().refresh();
        WebDriverWait wait = new WebDriverWait(chrome, FLOW);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-form")));
        assertThat(chrome.findElement(By.id("dashboard")).isDisplayed()).isFalse();
        chrome.findElement(By.id("token-input")).sendKeys(TestTokens.get().forRole("operations"));
        chrome.findElement(By.cssSelector("#token-entry button[type=submit]")).click();

        // then it shows what the overview says (compared with the overview read again, as the page redraws)
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#emergencies tr[data-episode='" + emergency + "']")));
        await().atMost(FLOW).untilAsserted(() -> {
            JsonNode current = api.get("/api/v1/overview").json();
            assertThat(text("emergency-count"))
                    .isEqualTo(String.valueOf(current.path("openEmergencies").size()));
            WebElement slot = chrome.findElement(
                    By.cssSelector("#appointment-grid td[data-site='" + SITE + "'][data-date='" + day + "']"));
            assertThat(slot.getAttribute("data-booked")).isEqualTo(String.valueOf(bookedOn(current, SITE, day)));
            assertThat(slot.getText()).startsWith(String.valueOf(bookedOn(current, SITE, day)));
            assertThat(text("waitlist-total"))
                    .isEqualTo(String.valueOf(current.path("waitlistTotal").asInt()));
        });
        assertThat(bookedOn(overview, SITE, day)).isPositive();
        WebElement row = chrome.findElement(By.cssSelector("#emergencies tr[data-episode='" + emergency + "']"));
        assertThat(row.getText()).contains(emergency, "Queens", "ER-1");
        assertThat(chrome.findElement(By.cssSelector("#waitlist tr[data-specialty='IMAGING'][data-region='NASSAU']"))
                        .getText())
                .contains("Imaging", "Nassau");
        assertThat(chrome.findElement(By.cssSelector("#estimates tr[data-payer='MEDICARE']"))
                        .getText())
                .contains("Medicare");
        assertThat(chrome.findElements(By.cssSelector("#appointment-grid thead th[data-date]")))
                .hasSize(14);
        assertThat((Boolean) ((JavascriptExecutor) chrome)
                        .executeScript("return typeof Chart === 'function'"
                                + " && Chart.getChart('disposition-chart') !== undefined"
                                + " && Chart.getChart('waitlist-chart') !== undefined"))
                .as("the charts, drawn by Chart.js from its WebJar")
                .isTrue();
        assertThat(chrome.getPageSource()).doesNotContain(SampleEpisodes.PATIENT_NAME, SampleEpisodes.MRN);

        // and when another emergency arrives, the open page shows it by itself
        int before = Integer.parseInt(text("emergency-count"));
        String second = "e-dash-er2-" + run;
        try (TopicPublisher topics = new TopicPublisher()) {
            topics.publish(Topics.EPISODE_REPORTED, second, SampleEpisodes.reported(second, Region.BRONX, now));
            topics.publish(Topics.TRIAGE_DECIDED, second, SampleEpisodes.emergency(second, Region.BRONX, now));
        }
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#emergencies tr[data-episode='" + second + "']")));
        assertThat(Integer.parseInt(text("emergency-count"))).isGreaterThanOrEqualTo(before + 1);

        screenshot(Path.of("target", "dashboard.png"));
    }

    @Test
    void refusesATokenWithoutTheOperationsRole() {
        chrome.get(base() + "/#token=" + TestTokens.get().forRole("clinician"));

        WebDriverWait wait = new WebDriverWait(chrome, FLOW);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-problem")));
        assertThat(text("token-problem")).contains("operations");
        assertThat(chrome.findElement(By.id("dashboard")).isDisplayed()).isFalse();
        assertThat(chrome.getCurrentUrl()).doesNotContain("token=");
    }

    @Test
    void servesThePageOpenAndTheFiguresOnlyWithAnOperationsToken() {
        HttpJson anonymous = clinicView().anonymous();

        HttpJson.Response page = anonymous.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(anonymous.get("/dashboard/dashboard.js").status()).isEqualTo(200);
        assertThat(anonymous.get("/webjars/chart.js/dist/chart.umd.min.js").status())
                .isEqualTo(200);
        assertThat(anonymous.get("/api/v1/overview").status()).isEqualTo(401);
        assertThat(anonymous
                        .as(TestTokens.get().forRole("clinician"))
                        .get("/api/v1/overview")
                        .status())
                .isEqualTo(403);
    }

    private String base() {
        return "http://127.0.0.1:" + port();
    }

    private static boolean hasEmergency(JsonNode overview, String episodeId) {
        for (JsonNode emergency : overview.path("openEmergencies")) {
            if (episodeId.equals(emergency.path("episodeId").asString())) {
                return true;
            }
        }
        return false;
    }

    private static int waiting(JsonNode overview, String specialty, String region) {
        for (JsonNode entry : overview.path("waitlist")) {
            if (specialty.equals(entry.path("specialty").asString())
                    && region.equals(entry.path("region").asString())) {
                return entry.path("count").asInt();
            }
        }
        return 0;
    }

    private static int bookedOn(JsonNode overview, String siteId, LocalDate day) {
        for (JsonNode site : overview.path("appointments").path("sites")) {
            if (siteId.equals(site.path("siteId").asString())) {
                for (JsonNode cell : site.path("days")) {
                    if (day.toString().equals(cell.path("date").asString())) {
                        return cell.path("booked").asInt();
                    }
                }
            }
        }
        return 0;
    }

    private static String text(String id) {
        return chrome.findElement(By.id(id)).getText().trim();
    }

    /** The whole page, not just the first screen (Chromium's own capture beyond the viewport). */
    private static void screenshot(Path target) throws IOException {
        Number width =
                (Number) ((JavascriptExecutor) chrome).executeScript("return document.documentElement.scrollWidth");
        Number height =
                (Number) ((JavascriptExecutor) chrome).executeScript("return document.documentElement.scrollHeight");
        Map<String, Object> shot = chrome.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.createDirectories(target.getParent());
        Files.write(target, Base64.getDecoder().decode(String.valueOf(shot.get("data"))));
    }
}
