package org.crisiscoordination.query.console;

import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.query.support.History;
import org.crisiscoordination.query.support.MerkleLogIT;
import org.crisiscoordination.testsupport.TestCaller;
import org.crisiscoordination.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real browser: the README's walk-through, stored as the command service stores
 * it, walked through every view of the console in headless Chromium, each page checked with
 * axe-core and photographed (target/console-screenshots; the README shows these pictures). One
 * service and one browser for the class.
 */
class ConsoleBrowserIT extends MerkleLogIT {

    private static final TestCaller AUDITOR_AND_OPERATOR = new TestCaller("console-auditor",
            List.of("AUDITOR", "OPERATOR"), null);

    private static Browser browser;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Each test starts signed out: the browser is shared, its session cookie is not. */
    @BeforeEach
    void signedOut() {
        open("/console/sign-in");
        browser.driver.manage().deleteAllCookies();
    }

    @Test
    void showsTheReadmeScenarioEndToEnd() {
        ReadmeScenario scenario = new ReadmeScenario(store).play();
        signer.sign();
        await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(api.get("/api/crises/" + scenario.crisis)
                .as(AUDITOR_AND_OPERATOR).send().text("status")));

        // not signed in: the sign-in form, which refuses what is not a token the service trusts
        open("/console/board");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/sign-in");
        signIn(TestTokens.mintWithForeignKey(AUDITOR_AND_OPERATOR));
        assertThat(text("[role=alert]")).startsWith("That token was not accepted");
        browser.assertAccessible();
        browser.screenshot("sign-in");

        signIn(AUDITOR_AND_OPERATOR.token());
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/board");
        assertThat(text("#status-RESOLVED + table")).contains(ReadmeScenario.TITLE, "4", "both");
        browser.assertAccessible();
        browser.screenshot("board");

        browser.driver.findElement(By.cssSelector("a[href$='/console/crises/" + scenario.crisis + "']")).click();
        String crisis = text("main");
        assertThat(crisis).contains("RESOLVED", "Resupply resumed under the joint statement", "both",
                "The parties will refrain from the use of force", "ADOPTED", "endorsed by 3 of 3");
        assertThat(timeline()).startsWith("RegionalCrisisRaised", "CrisisEscalated", "CrisisReferredToOrganization")
                .contains("ChannelParticipationAcknowledged", "JointStatementAdopted", "ReferralOutcomeReported")
                .endsWith("CrisisResolved", "PowerTrackClosed", "MajorPowerChannelClosed");
        assertThat(crisis).contains("deploy-run#asean-liaison for ASEAN", "deploy-run#cn-delegate for CN");
        assertThat(text(".badge")).contains("Hash chain intact", "covered by the signed checkpoint");
        browser.assertAccessible();
        browser.screenshot("crisis");

        browser.driver.get(browser.driver.findElement(By.partialLinkText("The proof")).getDomProperty("href"));
        assertThat(text("main")).contains("Proof of inclusion", "Audit path", "crisis-coordination/audit");
        browser.assertAccessible();
        browser.screenshot("proof");

        // as of a moment: just before its resolution, and at it
        open("/console/crises/" + scenario.crisis + "?asOf=" + scenario.beforeResolution);
        assertThat(text(".facts")).contains("COORDINATING").doesNotContain("Resupply resumed");
        assertThat(text(".asof")).contains("position " + scenario.beforeResolution);
        assertThat(timeline()).endsWith("ReferralOutcomeReported");
        browser.assertAccessible();
        browser.screenshot("crisis-as-of");
        open("/console/crises/" + scenario.crisis + "?asOf=" + scenario.resolvedAt);
        assertThat(text(".facts")).contains("RESOLVED", "Resupply resumed under the joint statement");
        assertThat(timeline()).endsWith("CrisisResolved");

        open("/console/metrics");
        assertThat(browser.driver.findElements(By.cssSelector(".chart canvas"))).as("a chart per metric").hasSize(5);
        assertThat(text("main")).contains("ASEAN");
        browser.assertAccessible();
        browser.screenshot("metrics");

        open("/console/projections");
        assertThat(text("table")).contains("crisis-board", "channel-view");
        browser.assertAccessible();
        browser.screenshot("projections");

        // live: a crisis raised while the board is open appears on it, without a reload
        open("/console/board");
        browser.driver.executeScript("document.body.dataset.sameDocument = 'yes'");
        CrisisId raised = new History(store).raise(SecurityTopic.COUNTER_PIRACY, Instant.now(), "MY");
        await().atMost(Duration.ofSeconds(20)).until(() -> text("#live").contains("Crisis " + raised));
        assertThat(browser.driver.findElement(By.tagName("body")).getDomAttribute("data-same-document")).isEqualTo("yes");
    }

    @Test
    void aReaderWithoutTheAuditorsRightSeesTheTimelineRefused() {
        CrisisId crisis = new History(store).raise(SecurityTopic.DISASTER_RELIEF, Instant.now(), "VN");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/crises/" + crisis)
                .as(TestCaller.reader()).send().status() == 200);
        open("/console/crises/" + crisis);
        signIn(TestCaller.reader().token());
        // the sign-in lands on the board; a page opened before it has would be replaced by it
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.getCurrentUrl().endsWith("/console/board"));
        open("/console/crises/" + crisis);
        assertThat(text("main")).contains("Crisis " + crisis, "The timeline could not be shown",
                "Only an auditor sees the record's verification");
    }

    private void open(String path) {
        browser.driver.get(url + path);
    }

    private void signIn(String token) {
        WebElement field = browser.driver.findElement(By.id("token"));
        field.clear();
        field.sendKeys(token);
        browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    }

    /** An element's text; a live page may swap the element while it is read, and is then read again. */
    private String text(String css) {
        return await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class)
                .until(() -> browser.driver.findElement(By.cssSelector(css)).getText(), text -> true);
    }

    private List<String> timeline() {
        return await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class)
                .until(() -> browser.driver.findElements(By.cssSelector(".timeline .event strong")).stream()
                        .map(WebElement::getText).toList(), entries -> true);
    }
}
