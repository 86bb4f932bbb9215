package org.crisiscoordination.query.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium, driven through its chromedriver (deploy/prerequisites installs both),
 * with what the console test asks of each page: a screenshot kept as a build artefact, and axe-core
 * (from its WebJar) run in the page, failing on any serious or critical violation.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final double MAX_HEIGHT = 3000;
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    static Browser open() {
        ChromeOptions options = new ChromeOptions();
        firstExisting("/usr/lib/chromium/chromium", "/usr/bin/chromium").ifPresent(options::setBinary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1700", "--lang=en");
        ChromeDriverService.Builder service = new ChromeDriverService.Builder();
        firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
                .ifPresent(path -> service.usingDriverExecutable(Path.of(path).toFile()));
        ChromeDriver driver = new ChromeDriver(service.build(), options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    private static java.util.Optional<String> firstExisting(String... paths) {
        for (String path : paths) {
            if (Files.isExecutable(Path.of(path))) {
                return java.util.Optional.of(path);
            }
        }
        return java.util.Optional.empty();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            // the whole page, not only the window: Chromium's own capture beyond the viewport
            Map<String, Object> layout = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> content = (Map<String, Object>) layout.get("cssContentSize");
            double width = ((Number) content.get("width")).doubleValue();
            double height = Math.min(((Number) content.get("height")).doubleValue(), MAX_HEIGHT);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's serious and critical accessibility violations, as axe-core finds them: none is allowed. */
    void assertAccessible() {
        driver.executeScript(axeSource());
        Object found = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(JSON.stringify(r.violations
                       .filter(v => v.impact === 'serious' || v.impact === 'critical')
                       .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                   nodes: v.nodes.map(n => n.target.join(' '))})))))
                   .catch(e => done(JSON.stringify([{id: 'axe-failed', help: String(e)}])));""");
        try {
            JsonNode violations = new ObjectMapper().readTree(String.valueOf(found));
            List<String> described = new ArrayList<>();
            violations.forEach(v -> described.add(v.toString()));
            assertThat(described).as("serious or critical accessibility violations on " + driver.getCurrentUrl())
                    .isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
            assertThat(in).as("axe-core's WebJar on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
