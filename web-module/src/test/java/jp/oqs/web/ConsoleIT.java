package jp.oqs.web;

import static jp.oqs.web.ItSupport.insurerNumber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.insurer.NumberingRuleRequest;
import jp.oqs.api.insurer.OnboardInsurerRequest;
import jp.oqs.api.security.Roles;
import jp.oqs.devtools.EmbeddedTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in a real browser: Debian's headless Chromium, driven through {@code /usr/bin/chromedriver},
 * against the packaged Micro WAR started on a free port. Black-box: the tests only look at what the pages show.
 * A screenshot of each main page is saved under {@code target/console-screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final String SSK_USER = "ssk-lead";
    private static final String SSK_PASSWORD = "ssk-lead-initial-9f3c";
    private static final String KOKUHO_USER = "kokuho-lead";
    private static final String KOKUHO_PASSWORD = "kokuho-lead-initial-41ab";
    private static final String AUDITOR_USER = "audit-1";
    private static final String AUDITOR_PASSWORD = "audit-1-password-7e2d";
    /** An employee-insurance insurer onboarded in the browser (健保組合, Tokyo). */
    private static final String SSK_INSURER = insurerNumber("06", "13", 501);
    private static final String SSK_SUCCESSOR = insurerNumber("06", "13", 502);
    private static final String SSK_OTHER = insurerNumber("01", "13", 504);
    /** A 国保 insurer (後期高齢者, Osaka) the 支払基金 user must neither see nor touch. */
    private static final String KOKUHO_INSURER = insurerNumber("39", "27", 503);
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private static MicroServer server;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static EmbeddedTokens tokens;

    @BeforeAll
    static void start() throws Exception {
        Path dataDir = Path.of(System.getProperty("oqs.it.data.dir") + "-console");
        tokens = new EmbeddedTokens(dataDir);
        tokens.ensureKey();
        server = MicroServer.start(dataDir, "micro.log", List.of(
                "-Doqs.console.bootstrap.ssk-admin.username=" + SSK_USER,
                "-Doqs.console.bootstrap.ssk-admin.password=" + SSK_PASSWORD,
                "-Doqs.console.bootstrap.kokuho-admin.username=" + KOKUHO_USER,
                "-Doqs.console.bootstrap.kokuho-admin.password=" + KOKUHO_PASSWORD));
        // the 国保 insurer, onboarded by 国保中央会 through the admin API
        JsonHttp http = new JsonHttp();
        String kokuho = tokens.issue(Roles.KOKUHO_ADMIN, "kokuho-api", Map.of(), Duration.ofHours(1));
        server.assertStatus(201, http.post(server, "admin/insurers", kokuho, new OnboardInsurerRequest(KOKUHO_INSURER,
                "大阪府後期高齢者医療広域連合", "オオサカフコウキコウレイシャイリョウコウイキレンゴウ", null,
                new NumberingRuleRequest(NumberingRuleKind.LATE_ELDERLY_PADDED, LocalDate.of(2008, 4, 1), null, null,
                        null))));

        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("oqs.it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=ja",
                "--user-data-dir=" + Files.createTempDirectory(dataDir, "chromium").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("oqs.it.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void aProtectedPageSendsToTheSignInAndAWrongPasswordIsRefused() throws Exception {
        open("console/insurers.xhtml");
        assertTrue(browser.getCurrentUrl().endsWith("/console/signin.xhtml"), browser.getCurrentUrl());
        assertEquals("ログイン", text(By.tagName("h2")));
        screenshot("01-signin");
        // a form left open past its session: shown again with a message, not an error
        browser.manage().deleteAllCookies();
        browser.findElement(By.id("signin:username")).sendKeys(SSK_USER);
        browser.findElement(By.id("signin:password")).sendKeys(SSK_PASSWORD);
        browser.findElement(By.id("signin:submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "画面の有効期限が切れました"));
        assertTrue(browser.getCurrentUrl().endsWith("/console/signin.xhtml"), browser.getCurrentUrl());
        signIn(SSK_USER, "not-the-password");
        assertTrue(text(By.id("messages")).contains("ユーザー名またはパスワードが正しくありません"));
        assertTrue(browser.getCurrentUrl().contains("signin"));
    }

    @Test
    @Order(2)
    void aSskAdministratorSignsInInJapaneseWithAStrictHttpOnlySessionCookie() throws Exception {
        signIn(SSK_USER, SSK_PASSWORD);
        wait.until(ExpectedConditions.urlContains("/console/insurers.xhtml"));
        assertEquals("保険者一覧", text(By.tagName("h1")));
        assertTrue(text(By.id("current-user")).contains("支払基金 管理者"));
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        assertTrue(session.isHttpOnly());
        assertEquals("Strict", session.getSameSite());
    }

    @Test
    @Order(3)
    void aProtectedViewOpenedByItsAddressLeadsToTheMenuNotAnError() throws Exception {
        open("console/accounts.xhtml");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "メニューから開いてください"));
        assertEquals("保険者一覧", text(By.tagName("h1")));
    }

    @Test
    @Order(4)
    void onboardingShowsABadCheckDigitBesideTheFieldThenRegistersAndActivatesTheInsurer() throws Exception {
        browser.findElement(By.id("nav-onboard")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "保険者の新規登録"));
        WebElement number = browser.findElement(By.id("onboard:insurerNumber"));
        String wrongCheckDigit = SSK_INSURER.substring(0, 7) + ((SSK_INSURER.charAt(7) - '0' + 1) % 10);
        number.sendKeys(wrongCheckDigit);
        browser.findElement(By.id("onboard:nameKanji")).click(); // leave the field
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("onboard:insurerNumberMessage"),
                "検証番号"));
        screenshot("02-onboard-bad-check-digit");

        number.clear();
        number.sendKeys(SSK_INSURER);
        browser.findElement(By.id("onboard:nameKanji")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("derivedCategory"), "健康保険組合"));
        assertEquals("", text(By.id("onboard:insurerNumberMessage")));
        assertEquals("支払基金", text(By.id("derivedOrganisation")));
        assertEquals("東京都", text(By.id("derivedPrefecture")));
        browser.findElement(By.id("onboard:nameKanji")).sendKeys("東京試験健康保険組合");
        browser.findElement(By.id("onboard:nameKana")).sendKeys("トウキョウシケンケンコウホケンクミアイ");
        new Select(browser.findElement(By.id("onboard:ruleKind"))).selectByVisibleText("中央で生成");
        browser.findElement(By.id("onboard:ruleFrom")).sendKeys("2024-04-01");
        screenshot("03-onboard-form");
        browser.findElement(By.id("onboard:confirm")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation:register")));
        assertEquals(SSK_INSURER, text(By.id("confirmNumber")));
        screenshot("04-onboard-confirm");
        browser.findElement(By.id("confirmation:register")).click();

        wait.until(ExpectedConditions.urlContains("/console/insurer.xhtml"));
        assertTrue(text(By.id("messages")).contains("保険者 " + SSK_INSURER + " を登録しました"));
        assertEquals("登録中", text(By.id("status")));
        browser.findElement(By.id("lifecycle:activate")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "有効"));
        assertTrue(text(By.id("messages")).contains("有効にしました"));
        screenshot("05-insurer-detail");
    }

    @Test
    @Order(5)
    void aRuleChangeFromAFutureDateAppearsInTheHistory() throws Exception {
        open("console/insurer.xhtml?number=" + SSK_INSURER);
        String from = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).plusMonths(2).withDayOfMonth(1).toString();
        new Select(browser.findElement(By.id("ruleForm:ruleKind"))).selectByVisibleText("保険者独自ルール");
        // the insurer rule's own parameters appear once the kind is chosen
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ruleForm:ruleLength")));
        browser.findElement(By.id("ruleForm:ruleLength")).sendKeys("10");
        new Select(browser.findElement(By.id("ruleForm:ruleChars"))).selectByVisibleText("数字");
        new Select(browser.findElement(By.id("ruleForm:ruleCheck"))).selectByVisibleText("モジュラス11");
        browser.findElement(By.id("ruleForm:ruleFrom")).sendKeys(from);
        browser.findElement(By.id("ruleForm:addRule")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "採番ルール変更を登録しました"));
        String timeline = text(By.id("timeline"));
        assertTrue(timeline.contains(from + " ～ 保険者独自ルール (10 / 数字 / モジュラス11)"), timeline);
        assertTrue(timeline.contains("2024-04-01 ～ 中央で生成"), timeline);
        assertTrue(timeline.indexOf(from) < timeline.indexOf("2024-04-01"), "newest first: " + timeline);
        screenshot("06-rule-history");

        // a date in the past is refused with the rule's reason, and nothing is added
        new Select(browser.findElement(By.id("ruleForm:ruleKind"))).selectByVisibleText("記号・番号＋枝番");
        browser.findElement(By.id("ruleForm:ruleFrom")).sendKeys("2020-01-01");
        browser.findElement(By.id("ruleForm:addRule")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages .error")));
        assertFalse(text(By.id("timeline")).contains("記号・番号＋枝番"));
    }

    @Test
    @Order(6)
    void aSskUserCanNeitherSeeNorOpenNorTouchAKokuhoInsurer() throws Exception {
        open("console/insurers.xhtml");
        browser.findElement(By.id("search:text")).sendKeys(KOKUHO_INSURER.substring(0, 4));
        browser.findElement(By.id("search:submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:count"), "0 件中"));
        assertFalse(browser.getPageSource().contains(KOKUHO_INSURER));
        // by editing the URL
        open("console/insurer.xhtml?number=" + KOKUHO_INSURER);
        assertTrue(text(By.id("refused")).contains("この保険者は表示できません"));
        assertTrue(text(By.id("messages")).contains("INSURER_OUT_OF_SCOPE"));
        assertFalse(browser.getPageSource().contains("大阪府後期高齢者医療広域連合"));
        screenshot("07-out-of-scope");
        // by a form field: merging the own insurer into the 国保 insurer
        open("console/insurer.xhtml?number=" + SSK_INSURER);
        browser.findElement(By.id("lifecycle:effectiveDate")).sendKeys(LocalDate.now().plusMonths(1).toString());
        browser.findElement(By.id("lifecycle:successor")).sendKeys(KOKUHO_INSURER);
        browser.findElement(By.id("lifecycle:confirmed")).click();
        browser.findElement(By.id("lifecycle:merge")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "INSURER_OUT_OF_SCOPE"));
        assertEquals("有効", text(By.id("status")));

        // both attempts are on the audit trail
        String auditor = tokens.issue(Roles.AUDITOR, "auditor-api", Map.of(), Duration.ofHours(1));
        String trail = new JsonHttp().get(server, "admin/audit?actor=" + SSK_USER, auditor).body();
        assertEquals(2, trail.split("REGISTRY_ACCESS", -1).length - 1, trail);
        assertTrue(trail.contains("INSURER_OUT_OF_SCOPE " + KOKUHO_INSURER), trail);
    }

    @Test
    @Order(7)
    void aPersonsHistoryAndTheInsurersSyncBatchesAndNoticesAreShown() throws Exception {
        JsonHttp http = new JsonHttp();
        String ssk = tokens.issue(Roles.SSK_ADMIN, "ssk-api", Map.of(), Duration.ofHours(1));
        server.assertStatus(201, http.post(server, "admin/insurers", ssk, new OnboardInsurerRequest(SSK_OTHER,
                "協会けんぽ東京支部", "キョウカイケンポトウキョウシブ", null, new NumberingRuleRequest(
                NumberingRuleKind.CENTRAL_GENERATED, LocalDate.of(2000, 1, 1), null, null, null))));
        server.assertStatus(200, http.post(server, "admin/insurers/" + SSK_OTHER + "/activation", ssk, Map.of()));
        String job = tokens.issue(Roles.INSURER_SYNC, "sync-console",
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(SSK_INSURER, SSK_OTHER)), Duration.ofHours(1));
        LocalDate may = LocalDate.of(2024, 5, 1);
        server.assertStatus(200, http.post(server, "sync/batches", job, SyncRecords.batch(SSK_INSURER,
                SyncRecords.acquire("r1", "console-person", "記号1", "番号1", may),
                SyncRecords.acquire("r2", "console-person", "記号1", "番号1", may),
                SyncRecords.change("r3", "console-person", LocalDate.of(2024, 10, 1), 20))));
        // the person joins another insurer while still open here: a notice for this insurer
        server.assertStatus(200, http.post(server, "sync/batches", job, SyncRecords.batch(SSK_OTHER,
                SyncRecords.acquire("r1", "console-person", "別記号", "別番号", LocalDate.of(2025, 4, 1)))));

        browser.findElement(By.id("nav-persons")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "資格履歴の照会"));
        browser.findElement(By.id("search:insurerNumber")).sendKeys(SSK_INSURER);
        browser.findElement(By.id("search:symbol")).sendKeys("記号1");
        browser.findElement(By.id("search:number")).sendKeys("番号1");
        browser.findElement(By.id("search:birthDate")).sendKeys("1980-05-05");
        browser.findElement(By.id("search:submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.qualification")));
        List<WebElement> sections = browser.findElements(By.cssSelector("section.qualification"));
        assertEquals(2, sections.size(), "both insurers are 支払基金's: both qualifications are shown");
        String here = sections.get(0).getText();
        assertTrue(here.contains(SSK_INSURER) && here.contains("2024-05-01 ～ 2024-09-30") && here.contains("30%")
                && here.contains("2024-10-01 ～") && here.contains("20%"), here);
        assertFalse(browser.getPageSource().contains("console-person"), "the link key is never shown");
        screenshot("10-person-history");
        String trail = http.get(server, "admin/audit?actor=" + SSK_USER, ssk).body();
        assertTrue(trail.contains("PERSON_VIEW"), trail);

        open("console/activity.xhtml?insurer=" + SSK_INSURER);
        assertTrue(text(By.id("activity:notices")).contains(SSK_OTHER), "the overlap notice names the new insurer");
        browser.findElement(By.cssSelector("#activity\\:batches a.batch-link")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("activity:resultTable"),
                "QUALIFICATION_ALREADY_OPEN"));
        assertTrue(text(By.id("activity:resultTable")).contains("r3"));
        screenshot("11-sync-activity");
    }

    @Test
    @Order(8)
    void theInsurerListExportsAsCsv() throws Exception {
        String ssk = tokens.issue(Roles.SSK_ADMIN, "ssk-api", Map.of(), Duration.ofHours(1));
        new JsonHttp().post(server, "admin/insurers", ssk, new OnboardInsurerRequest(SSK_SUCCESSOR,
                "=HYPERLINK(\"x\")", "トウキョウ", null, null));
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        server.root().resolve("oqs/console/insurers.csv?status=ONBOARDING"))
                .header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertTrue(lines.get(0).startsWith("\uFEFFinsurerNumber,nameKanji"), lines.get(0));
        assertEquals(2, lines.size(), "only the ONBOARDING insurer of the caller's scope: " + lines);
        assertTrue(lines.get(1).startsWith("\"" + SSK_SUCCESSOR + "\",\"'=HYPERLINK(\"\"x\"\")\""), lines.get(1));
        // without a session: sent to the sign-in page, no data
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                server.root().resolve("oqs/console/insurers.csv")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, anonymous.statusCode());
    }

    @Test
    @Order(9)
    void theEnglishSwitchShowsTheSamePageInEnglish() throws Exception {
        open("console/insurers.xhtml");
        browser.findElement(By.id("session:language")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Insurers"));
        assertTrue(text(By.id("current-user")).contains("SSK administrator"));
        assertTrue(browser.getPageSource().contains("Health insurance society"));
        screenshot("08-insurers-english");
        browser.findElement(By.id("session:language")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "保険者一覧"));
        screenshot("09-insurers");
    }

    @Test
    @Order(10)
    void anAdministratorCreatesAnAuditorWhoVerifiesTheAuditChain() throws Exception {
        browser.findElement(By.id("nav-accounts")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "職員アカウント"));
        browser.findElement(By.id("create:username")).sendKeys(AUDITOR_USER);
        browser.findElement(By.id("create:displayName")).sendKeys("監査 一郎");
        new Select(browser.findElement(By.id("create:role"))).selectByVisibleText("監査担当");
        browser.findElement(By.id("create:password")).sendKeys("short");
        browser.findElement(By.id("create:submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "ACCOUNT_PASSWORD_TOO_SHORT"));
        browser.findElement(By.id("create:password")).sendKeys(AUDITOR_PASSWORD);
        browser.findElement(By.id("create:submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "アカウント " + AUDITOR_USER
                + " を作成しました"));
        assertTrue(text(By.id("accounts:list")).contains("監査 一郎"));
        assertFalse(text(By.id("accounts:list")).contains(KOKUHO_USER), "国保中央会 accounts are not listed");
        screenshot("12-accounts");

        browser.findElement(By.id("session:signout")).click();
        wait.until(ExpectedConditions.urlContains("/console/signin.xhtml"));
        open("console/audit.xhtml");
        assertTrue(browser.getCurrentUrl().endsWith("/console/signin.xhtml"), "signed out: " + browser.getCurrentUrl());

        signIn(AUDITOR_USER, AUDITOR_PASSWORD);
        wait.until(ExpectedConditions.urlContains("/console/insurers.xhtml"));
        assertTrue(browser.findElements(By.id("nav-onboard")).isEmpty(), "auditors onboard nothing");
        assertTrue(browser.getPageSource().contains(KOKUHO_INSURER), "auditors read every insurer");
        browser.findElement(By.id("nav-audit")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "監査ログ"));
        assertTrue(text(By.id("list:entries")).contains("権限外の保険者へのアクセス（拒否）"));
        browser.findElement(By.id("verify:verifyChain")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verify:verification"),
                "改ざんは検出されませんでした"));
        screenshot("13-audit");
    }

    private static void open(String path) {
        browser.get(server.root().resolve("oqs/" + path).toString());
    }

    private static void signIn(String username, String password) {
        if (!browser.getCurrentUrl().contains("/console/signin.xhtml")) {
            open("console/signin.xhtml");
        }
        browser.findElement(By.id("signin:username")).clear();
        browser.findElement(By.id("signin:username")).sendKeys(username);
        browser.findElement(By.id("signin:password")).sendKeys(password);
        browser.findElement(By.id("signin:submit")).click();
    }

    private static String text(By locator) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(locator)).getText();
    }

    private static void screenshot(String name) throws Exception {
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
