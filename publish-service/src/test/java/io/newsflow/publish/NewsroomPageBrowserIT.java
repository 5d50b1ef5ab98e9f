package io.newsflow.publish;

import static io.newsflow.publish.ArticleFixture.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.newsflow.kafka.test.KafkaBrokerExtension;
import io.newsflow.kafka.test.TestKafka;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The newsroom page in a real headless browser (Debian's chromium through its chromedriver) against publish-service
 * on a real broker: the list loads, new articles appear without a reload, and an article made of markup and script
 * shows as text and runs nothing. Fails, rather than skips, when the browser is not installed.
 */
@ExtendWith(KafkaBrokerExtension.class)
class NewsroomPageBrowserIT {

    static final Path CHROMIUM = Path.of(System.getProperty("newsflow.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("newsflow.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOT = Path.of("target", "screenshots", "newsroom.png");
    static final String SEED_HEADLINE =
            "Russia reset: On the U.S., Russia, their first major diplomatic interaction";
    static final String PWN = "window.__pwned=1";
    static final String HOSTILE = "<script>" + PWN + "</script><img src=x onerror=\"" + PWN + "\">"
            + "<svg onload=alert(1)></svg> ]]> line one\r\nline two\rthree\u0000 end";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void showsTheLatestArticlesAndNewOnesLiveAndNeverRunsTheirText(TestKafka kafka, @TempDir Path tmp)
            throws Exception {
        requireBrowser();
        try (IsolatedPublishService publish = new IsolatedPublishService(kafka, tmp.resolve("state"), "page-it", 3)) {
            // Given the seed article already published
            publish.publish(seed().build());
            awaitListed(publish, "seed");

            WebDriver browser = startBrowser(tmp.resolve("profile"));
            try {
                JavascriptExecutor page = (JavascriptExecutor) browser;
                // When the newsroom opens the page, then it lists the seed with its summary and chips
                browser.get(publish.uri("/").toString());
                await("the seed headline on the page").atMost(WAIT)
                        .until(() -> headlines(page).contains(SEED_HEADLINE));
                assertThat(text(page, "#articles .summary")).startsWith("Secretary of State Hillary Clinton");
                assertThat(texts(page, "#articles .chip")).contains("Hillary Clinton", "Sergey Lavrov",
                        "State Department", "Geneva", "politics", "diplomatic interaction");
                assertThat(attribute(page, "#articles .headline a", "href")).isEqualTo(
                        "https://example.com/russia-reset");
                await("the live stream connected").atMost(WAIT)
                        .until(() -> "live".equals(attribute(page, "#status", "data-state")));

                // When an article is published, then it appears on top without a reload
                page.executeScript("window.__sameDocument = true;"
                        + "window.__cspViolations = [];"
                        + "document.addEventListener('securitypolicyviolation',"
                        + " e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));");
                publish.publish(article("harbour").headline("Harbour reopens after the storm")
                        .summary("Ships were back in port on Monday.").places("Hamburg").language("de").build());
                await("the new article on top").atMost(WAIT)
                        .until(() -> headlines(page).get(0).equals("Harbour reopens after the storm"));
                assertThat(page.executeScript("return window.__sameDocument === true")).isEqualTo(true);

                // And a new version of an article replaces the old one
                publish.publish(seed().summary("Corrected summary.").body("Corrected body.").build());
                await("version 2 of the seed").atMost(WAIT)
                        .until(() -> texts(page, "#articles .summary").contains("Corrected summary."));
                assertThat(headlines(page)).containsOnlyOnce(SEED_HEADLINE);

                // When an article made of markup and script is published
                publish.publish(article("hostile").headline(HOSTILE).summary(HOSTILE).body(HOSTILE + "\n\n" + HOSTILE)
                        .people("<img src=x onerror=\"" + PWN + "\">").organisations("<script>" + PWN + "</script>")
                        .places("]]>\u0000").keywords("<b onmouseover=\"" + PWN + "\">bold</b>")
                        .sourceUrl("javascript:" + PWN).build());

                // Then nothing of it runs or becomes an element, and it shows as the text it is
                await("the hostile article on the page").atMost(WAIT).until(() -> headlines(page).size() == 3);
                assertThat(page.executeScript("return typeof window.__pwned")).as("window.__pwned")
                        .isEqualTo("undefined");
                assertThat(page.executeScript("return [...document.querySelectorAll('#articles img, #articles script,"
                        + " #articles svg, #articles iframe, #articles object, #articles b')].map(e => e.outerHTML)"))
                        .as("elements made from article text").isEqualTo(List.of());
                assertThat(page.executeScript("return window.__cspViolations"))
                        .as("Content-Security-Policy violations (markup that tried to run)").isEqualTo(List.of());
                assertThat(page.executeScript("return [...document.querySelectorAll('#articles a')]"
                        + ".every(a => a.protocol === 'https:' || a.protocol === 'http:')"))
                        .as("every link in the list is http(s)").isEqualTo(true);
                assertThat(headlines(page)).contains(HOSTILE);
                assertThat(texts(page, "#articles .summary")).contains(HOSTILE);
                assertThat(texts(page, "#articles .chip")).contains("<img src=x onerror=\"" + PWN + "\">",
                        "<script>" + PWN + "</script>", "]]>\u0000");
                assertNoAlert(browser);

                // And the filter narrows the list to what matches
                browser.findElement(org.openqa.selenium.By.id("filter")).sendKeys("hamburg");
                assertThat(visibleHeadlines(page)).containsExactly("Harbour reopens after the storm");
                browser.findElement(org.openqa.selenium.By.id("filter")).clear();
                page.executeScript("document.getElementById('filter').dispatchEvent(new Event('input'))");
                assertThat(visibleHeadlines(page)).hasSize(3);

                page.executeScript("document.querySelectorAll('.arrived').forEach(e => e.classList.remove('arrived'))");
                Files.createDirectories(SCREENSHOT.getParent());
                Files.copy(((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                        SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                browser.quit();
            }
        }
    }

    private static ArticleFixture seed() {
        return article("seed").headline(SEED_HEADLINE)
                .summary("Secretary of State Hillary Clinton and Russian Foreign Minister Sergey Lavrov met in "
                        + "Geneva, promising to reset relations between the two countries.")
                .body("GENEVA (Reuters) - The reset button was mistranslated.\n\nBoth sides laughed.")
                .sourceUrl("https://example.com/russia-reset").byline("Staff")
                .people("Hillary Clinton", "Sergey Lavrov").organisations("State Department")
                .places("Geneva", "Russia").subject("11000000", "politics", 90).keywords("diplomatic interaction");
    }

    /** The browser test's precondition, as a failure that says how to meet it. */
    private static void requireBrowser() {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                fail(binary + " is missing: the newsroom page's browser test needs Debian's chromium and its "
                        + "driver (apt-get install -y chromium chromium-driver, as .ci/run does), or "
                        + "-Dnewsflow.chromium=PATH -Dnewsflow.chromedriver=PATH");
            }
        }
    }

    private static WebDriver startBrowser(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
        if ("root".equals(System.getProperty("user.name"))) {
            options.addArguments("--no-sandbox"); // chromium refuses to sandbox as root
        }
        // A dialog stays open instead of being dismissed, so that assertNoAlert can see one.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(driver, options);
    }

    private static void awaitListed(IsolatedPublishService publish, String id) {
        HttpClient http = HttpClient.newHttpClient();
        await("article " + id + " served by /articles").atMost(WAIT).until(() -> http.send(
                HttpRequest.newBuilder(publish.uri("/articles/" + id)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private static void assertNoAlert(WebDriver browser) {
        try {
            String text = browser.switchTo().alert().getText();
            fail("an alert dialog opened: " + text);
        } catch (NoAlertPresentException expected) {
            // none
        }
    }

    private static List<String> headlines(JavascriptExecutor page) {
        return texts(page, "#articles .headline");
    }

    private static List<String> visibleHeadlines(JavascriptExecutor page) {
        return texts(page, "#articles .article:not([hidden]) .headline");
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(JavascriptExecutor page, String selector) {
        return (List<String>) page.executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent)", selector);
    }

    private static String text(JavascriptExecutor page, String selector) {
        return (String) page.executeScript("const e = document.querySelector(arguments[0]);"
                + " return e ? e.textContent : null", selector);
    }

    private static String attribute(JavascriptExecutor page, String selector, String name) {
        return (String) page.executeScript("const e = document.querySelector(arguments[0]);"
                + " return e ? e.getAttribute(arguments[1]) : null", selector, name);
    }
}
