package cn.fuyou.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Real browser tests: Playwright for Java driving Debian's Chromium (never a downloaded browser).
 * Screenshots go to target/screenshots so that a person can look at what the test saw.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest extends IntegrationTest {

    protected static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Playwright playwright;
    protected Browser browser;

    @BeforeAll
    void launch() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium())
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    void close() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    /** A fresh browser profile (own cookies, own localStorage), as a second person at another desk. */
    protected Page newPage() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1400, 900).setLocale("zh-CN").setBaseURL("http://localhost:" + port));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    protected void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    static Path chromium() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
                .flatMap(dir -> java.util.stream.Stream.of(Path.of(dir, "chromium"), Path.of(dir, "chromium-browser")))
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("No chromium on the PATH: apt-get install -y chromium fonts-noto-cjk"));
    }
}
