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
import jp.oqs.api.sync.CardClassification;
import jp.oqs.api.sync.LimitCategory;
import jp.oqs.api.sync.LimitCertificate;
import jp.oqs.api.sync.LimitCertificateClassification;
import jp.oqs.api.sync.PersonData;
import jp.oqs.api.sync.QualificationData;
import jp.oqs.api.sync.SyncOperation;
import jp.oqs.api.sync.SyncRecord;
import jp.oqs.devtools.EmbeddedTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
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
 * Each test starts with a new browser session and registers the insurers it needs (numbers of its own), so the
 * tests do not depend on each other's order. A screenshot of each main page is saved under
 * {@code target/console-screenshots/}.
 */
class ConsoleIT {

    private static final String SSK_USER = "ssk-lead";
    private static final String SSK_PASSWORD = "ssk-lead-initial-9f3c";
    private static final String KOKUHO_USER = "kokuho-lead";
    private static final String KOKUHO_PASSWORD = "kokuho-lead-initial-41ab";
    private static final String SECURITY_USER = "sec-lead";
    private static final String SECURITY_PASSWORD = "sec-lead-initial-c27d";
    private static final String AUDITOR_USER = "audit-1";
    private static final String AUDITOR_PASSWORD = "audit-1-password-7e2d";
    /** 国保 insurers (後期高齢者, Osaka) the 支払基金 user must neither see nor touch. */
    private static final String KOKUHO_INSURER = insurerNumber("39", "27", 503);
    private static final String KOKUHO_TAMPERED = insurerNumber("39", "27", 504);
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private static MicroServer server;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static EmbeddedTokens tokens;
    private static final JsonHttp HTTP = new JsonHttp();

    @BeforeAll
    static void start() throws Exception {
        Path dataDir = Path.of(System.getProperty("oqs.it.data.dir") + "-console");
        tokens = new EmbeddedTokens(dataDir);
        tokens.ensureKey();
        server = MicroServer.start(dataDir, "micro.log", List.of(
                "-Doqs.console.bootstrap.ssk-admin.username=" + SSK_USER,
                "-Doqs.console.bootstrap.ssk-admin.password=" + SSK_PASSWORD,
                "-Doqs.console.bootstrap.kokuho-admin.username=" + KOKUHO_USER,
                "-Doqs.console.bootstrap.kokuho-admin.password=" + KOKUHO_PASSWORD,
                "-Doqs.console.bootstrap.security-admin.username=" + SECURITY_USER,
                "-Doqs.console.bootstrap.security-admin.password=" + SECURITY_PASSWORD));
        // the 国保 insurers, onboarded by 国保中央会 through the admin API
        String kokuho = tokens.issue(Roles.KOKUHO_ADMIN, "kokuho-api", Map.of(), Duration.ofHours(1));
        for (String number : List.of(KOKUHO_INSURER, KOKUHO_TAMPERED)) {
            server.assertStatus(201, HTTP.post(server, "admin/insurers", kokuho, new OnboardInsurerRequest(number,
                    "大阪府後期高齢者医療広域連合", "オオサカフコウキコウレイシャイリョウコウイキレンゴウ", null,
                    new NumberingRuleRequest(NumberingRuleKind.LATE_ELDERLY_PADDED, LocalDate.of(2008, 4, 1), null,
                            null, null))));
        }

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

    /** A new browser session for every test: no test leans on another's sign-in. */
    @BeforeEach
    void newSession() {
        open("console/signin.xhtml");
        browser.manage().deleteAllCookies();
        open("console/signin.xhtml");
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
    void aProtectedPageSendsToTheSignInWhereAWrongPasswordIsRefusedAndTheRightOneLetsIn() throws Exception {
        open("console/insurers.xhtml");
        assertTrue(browser.getCurrentUrl().endsWith("/console/signin.xhtml"), browser.getCurrentUrl());
        assertEquals("ログイン", text(By.tagName("h2")));
        screenshot("01-signin");
        // a form left open past its session: shown again with a message, not an error
        browser.manage().deleteAllCookies();
        browser.findElement(By.id("signin:username")).sendKeys(SSK_USER);
        browser.findElement(By.id("signin:password")).sendKeys(SSK_PASSWORD);
        submit(By.id("signin:submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "画面の有効期限が切れました"));
        assertTrue(browser.getCurrentUrl().endsWith("/console/signin.xhtml"), browser.getCurrentUrl());

        signIn(SSK_USER, "not-the-password");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "ユーザー名またはパスワードが正しくありません"));
        assertTrue(browser.getCurrentUrl().contains("signin"));

        signIn(SSK_USER, SSK_PASSWORD);
        wait.until(ExpectedConditions.urlContains("/console/insurers.xhtml"));
        assertEquals("保険者一覧", text(By.tagName("h1")));
        assertTrue(text(By.id("current-user")).contains("支払基金 管理者"));
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        assertTrue(session.isHttpOnly());
        assertEquals("Strict", session.getSameSite());

        submit(By.id("session:signout"));
        wait.until(ExpectedConditions.urlContains("/console/signin.xhtml"));
        open("console/insurers.xhtml");
        assertTrue(browser.getCurrentUrl().endsWith("/console/signin.xhtml"), "signed out: " + browser.getCurrentUrl());
    }

    @Test
    void aKokuhoAdministratorSeesKokuhoInsurersAndWrongPasswordsInARowLockTheAccount() throws Exception {
        String ssk = registered(insurerNumber("06", "13", 561), false);
        signedIn(KOKUHO_USER, KOKUHO_PASSWORD);
        assertTrue(text(By.id("current-user")).contains("国保中央会 管理者"));
        assertTrue(browser.getPageSource().contains(KOKUHO_INSURER));
        assertFalse(browser.getPageSource().contains(ssk), "国保中央会 staff do not see 支払基金's insurers");
        submit(By.id("session:signout"));
        wait.until(ExpectedConditions.urlContains("/console/signin.xhtml"));

        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(KOKUHO_USER, "wrong-password-" + attempt);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "正しくありません"));
        }
        // the right password no longer lets in: the account is locked for a while
        signIn(KOKUHO_USER, KOKUHO_PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "正しくありません"));
        assertTrue(browser.getCurrentUrl().contains("/console/signin.xhtml"), browser.getCurrentUrl());
        assertTrue(browser.manage().getCookieNamed("JSESSIONID") == null
                || !HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.root().resolve(
                        "oqs/console/insurers.xhtml")).header("Cookie", "JSESSIONID="
                        + browser.manage().getCookieNamed("JSESSIONID").getValue()).build(),
                HttpResponse.BodyHandlers.ofString()).body().contains(KOKUHO_INSURER), "not signed in");
    }

    @Test
    void aProtectedViewOpenedByItsAddressLeadsToTheMenuNotAnError() throws Exception {
        signedIn(SSK_USER, SSK_PASSWORD);
        open("console/accounts.xhtml");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "メニューから開いてください"));
        assertEquals("保険者一覧", text(By.tagName("h1")));
    }

    @Test
    void onboardingShowsABadCheckDigitBesideTheFieldThenRegistersAndActivatesTheInsurer() throws Exception {
        String insurer = insurerNumber("06", "13", 501);
        signedIn(SSK_USER, SSK_PASSWORD);
        submit(By.id("nav-onboard"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "保険者の新規登録"));
        assertNoInlineScript();
        WebElement number = browser.findElement(By.id("onboard:insurerNumber"));
        String wrongCheckDigit = insurer.substring(0, 7) + ((insurer.charAt(7) - '0' + 1) % 10);
        number.sendKeys(wrongCheckDigit);
        browser.findElement(By.id("onboard:nameKanji")).click(); // leave the field
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("onboard:insurerNumberMessage"),
                "検証番号"));
        screenshot("02-onboard-bad-check-digit");

        number.clear();
        number.sendKeys(insurer);
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
        submit(By.id("onboard:confirm"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation:register")));
        assertEquals(insurer, text(By.id("confirmNumber")));
        screenshot("04-onboard-confirm");
        submit(By.id("confirmation:register"));

        wait.until(ExpectedConditions.urlContains("/console/insurer.xhtml"));
        assertNoInlineScript();
        assertTrue(text(By.id("messages")).contains("保険者 " + insurer + " を登録しました"));
        assertEquals("登録中", text(By.id("status")));
        submit(By.id("lifecycle:activate"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "有効"));
        assertTrue(text(By.id("messages")).contains("有効にしました"));
        screenshot("05-insurer-detail");
    }

    @Test
    void aRuleChangeFromAFutureDateAppearsInTheHistoryAndAPastOneIsRefused() throws Exception {
        String insurer = registered(insurerNumber("06", "13", 511), true);
        signedIn(SSK_USER, SSK_PASSWORD);
        open("console/insurer.xhtml?number=" + insurer);
        String from = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).plusMonths(2).withDayOfMonth(1).toString();
        new Select(browser.findElement(By.id("ruleForm:ruleKind"))).selectByVisibleText("保険者独自ルール");
        // the insurer rule's own parameters appear once the kind is chosen
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ruleForm:ruleLength")));
        browser.findElement(By.id("ruleForm:ruleLength")).sendKeys("10");
        new Select(browser.findElement(By.id("ruleForm:ruleChars"))).selectByVisibleText("数字");
        new Select(browser.findElement(By.id("ruleForm:ruleCheck"))).selectByVisibleText("モジュラス11");
        browser.findElement(By.id("ruleForm:ruleFrom")).sendKeys(from);
        submit(By.id("ruleForm:addRule"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "採番ルール変更を登録しました"));
        String timeline = text(By.id("timeline"));
        assertTrue(timeline.contains(from + " ～ 保険者独自ルール (10 / 数字 / モジュラス11)"), timeline);
        assertTrue(timeline.contains("2024-04-01 ～ 中央で生成"), timeline);
        assertTrue(timeline.indexOf(from) < timeline.indexOf("2024-04-01"), "newest first: " + timeline);
        screenshot("06-rule-history");

        // a date in the past is refused with the rule's reason, and nothing is added
        new Select(browser.findElement(By.id("ruleForm:ruleKind"))).selectByVisibleText("記号・番号＋枝番");
        browser.findElement(By.id("ruleForm:ruleFrom")).sendKeys("2020-01-01");
        submit(By.id("ruleForm:addRule"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages .error")));
        assertFalse(text(By.id("timeline")).contains("記号・番号＋枝番"));
    }

    @Test
    void aSskUserCanNeitherFindNorOpenNorTouchAKokuhoInsurerAndEachAttemptIsAudited() throws Exception {
        String own = registered(insurerNumber("06", "13", 521), true);
        signedIn(SSK_USER, SSK_PASSWORD);
        browser.findElement(By.id("search:text")).sendKeys(KOKUHO_TAMPERED.substring(0, 4));
        submit(By.id("search:submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:count"), "0 件中"));
        assertFalse(browser.getPageSource().contains(KOKUHO_TAMPERED));
        // by editing the URL
        open("console/insurer.xhtml?number=" + KOKUHO_TAMPERED);
        assertTrue(text(By.id("refused")).contains("この保険者は表示できません"));
        assertTrue(text(By.id("messages")).contains("INSURER_OUT_OF_SCOPE"));
        assertFalse(browser.getPageSource().contains("大阪府後期高齢者医療広域連合"));
        screenshot("07-out-of-scope");
        // by a form field: merging the own insurer into the 国保 insurer
        open("console/insurer.xhtml?number=" + own);
        browser.findElement(By.id("lifecycle:effectiveDate")).sendKeys(LocalDate.now().plusMonths(1).toString());
        browser.findElement(By.id("lifecycle:successor")).sendKeys(KOKUHO_TAMPERED);
        browser.findElement(By.id("lifecycle:confirmed")).click();
        submit(By.id("lifecycle:merge"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "INSURER_OUT_OF_SCOPE"));
        assertEquals("有効", text(By.id("status")));

        // both attempts are on the audit trail
        String auditor = tokens.issue(Roles.AUDITOR, "auditor-api", Map.of(), Duration.ofHours(1));
        String trail = HTTP.get(server, "admin/audit?actor=" + SSK_USER + "&size=1000", auditor).body();
        assertEquals(2, trail.split("INSURER_OUT_OF_SCOPE " + KOKUHO_TAMPERED, -1).length - 1, trail);
    }

    @Test
    void aPersonsHistoryAndTheInsurersSyncBatchesAndNoticesAreShown() throws Exception {
        String here = registered(insurerNumber("06", "13", 531), true);
        String other = registered(insurerNumber("01", "13", 532), true);
        String job = tokens.issue(Roles.INSURER_SYNC, "sync-console",
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(here, other)), Duration.ofHours(1));
        LocalDate may = LocalDate.of(2024, 5, 1);
        server.assertStatus(200, HTTP.post(server, "sync/batches", job, SyncRecords.batch(here,
                SyncRecords.acquire("r1", "console-person", "記号1", "番号1", may),
                SyncRecords.acquire("r2", "console-person", "記号1", "番号1", may),
                SyncRecords.change("r3", "console-person", LocalDate.of(2024, 10, 1), 20),
                new SyncRecord("r4", SyncOperation.CHANGE, new PersonData("console-person", null, null, null, null),
                        new QualificationData(null, null, null, null, null, null, null, null, null,
                                CardClassification.QUALIFICATION_CERTIFICATE, null, new LimitCertificate(
                                LimitCertificateClassification.LIMIT, LimitCategory.A03, LocalDate.of(2024, 11, 20),
                                LocalDate.of(2024, 12, 1), LocalDate.of(2025, 11, 30), null), null, null),
                        LocalDate.of(2024, 12, 1), null, null))));
        // the person joins another insurer while still open here: a notice for this insurer
        server.assertStatus(200, HTTP.post(server, "sync/batches", job, SyncRecords.batch(other,
                SyncRecords.acquire("r1", "console-person", "別記号", "別番号", LocalDate.of(2025, 4, 1)))));

        signedIn(SSK_USER, SSK_PASSWORD);
        submit(By.id("nav-persons"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "資格履歴の照会"));
        browser.findElement(By.id("search:insurerNumber")).sendKeys(here);
        browser.findElement(By.id("search:symbol")).sendKeys("記号1");
        browser.findElement(By.id("search:number")).sendKeys("番号1");
        browser.findElement(By.id("search:birthDate")).sendKeys("1980-05-05");
        submit(By.id("search:submit"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.qualification")));
        List<WebElement> sections = browser.findElements(By.cssSelector("section.qualification"));
        assertEquals(2, sections.size(), "both insurers are 支払基金's: both qualifications are shown");
        String history = sections.get(0).getText();
        assertTrue(history.contains(here) && history.contains("2024-05-01 ～ 2024-09-30") && history.contains("30%")
                && history.contains("2024-10-01 ～") && history.contains("20%"), history);
        assertTrue(history.contains("証区分 05") && history.contains("限度額適用認定証 A03 (2024-12-01 ～ 2025-11-30)"),
                "the desk's groups of the version: " + history);
        assertFalse(browser.getPageSource().contains("console-person"), "the link key is never shown");
        screenshot("10-person-history");
        String ssk = tokens.issue(Roles.SSK_ADMIN, "ssk-api", Map.of(), Duration.ofHours(1));
        String trail = HTTP.get(server, "admin/audit?actor=" + SSK_USER + "&size=1000", ssk).body();
        assertTrue(trail.contains("PERSON_VIEW"), trail);

        open("console/activity.xhtml?insurer=" + here);
        assertTrue(text(By.id("activity:notices")).contains(other), "the overlap notice names the new insurer");
        assertNoInlineScript();
        submit(By.cssSelector("#activity\\:batches .batch-link"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("activity:resultTable"),
                "QUALIFICATION_ALREADY_OPEN"));
        assertTrue(text(By.id("activity:resultTable")).contains("r3"));
        screenshot("11-sync-activity");
    }

    @Test
    void theInsurerListExportsAsCsvOnlyWithASessionAndWithoutFormulas() throws Exception {
        String ssk = tokens.issue(Roles.SSK_ADMIN, "ssk-api", Map.of(), Duration.ofHours(1));
        String insurer = insurerNumber("06", "13", 541);
        server.assertStatus(201, HTTP.post(server, "admin/insurers", ssk, new OnboardInsurerRequest(insurer,
                "=HYPERLINK(\"x\")", "トウキョウ", null, null)));
        signedIn(SSK_USER, SSK_PASSWORD);
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        server.root().resolve("oqs/console/insurers.csv?q=" + insurer))
                .header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertTrue(lines.get(0).startsWith("\uFEFFinsurerNumber,nameKanji"), lines.get(0));
        assertEquals(2, lines.size(), "the header and the one insurer matching: " + lines);
        assertTrue(lines.get(1).startsWith("\"" + insurer + "\",\"'=HYPERLINK(\"\"x\"\")\""), lines.get(1));
        // a 国保 insurer is not exported to 支払基金 staff
        HttpResponse<String> kokuho = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        server.root().resolve("oqs/console/insurers.csv?q=" + KOKUHO_INSURER))
                .header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(1, kokuho.body().lines().count(), kokuho.body());
        // without a session: sent to the sign-in page, no data
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                server.root().resolve("oqs/console/insurers.csv")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, anonymous.statusCode());
    }

    @Test
    void anOperatorUploadsClaimsWatchesTheJobSeesTheChartAndDownloadsTheResults() throws Exception {
        String before = registered(insurerNumber("06", "13", 581), true);
        String after = registered(insurerNumber("06", "13", 582), true);
        String job = tokens.issue(Roles.INSURER_SYNC, "sync-console-claims",
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(before, after)), Duration.ofHours(1));
        LocalDate may = LocalDate.of(2025, 5, 1);
        server.assertStatus(200, HTTP.post(server, "sync/batches", job, SyncRecords.batch(before,
                SyncRecords.acquire("r1", "console-claims-person", "請求", "7", LocalDate.of(2024, 4, 1)),
                SyncRecords.lose("r2", "console-claims-person", may, jp.oqs.api.sync.LossReason.OTHER_INSURANCE))));
        server.assertStatus(200, HTTP.post(server, "sync/batches", job, SyncRecords.batch(after,
                SyncRecords.acquire("r1", "console-claims-person", "移動", "8", may))));
        Path file = Files.createTempFile("claims", ".csv");
        Files.writeString(file, "\uFEFFclaimId,medicalInstitutionCode,serviceMonth,serviceDates,insurerNumber,symbol,"
                + "number,branchNumber,individualNumber,birthDate,relationship,hasPublicExpense\r\n"
                + "moved,0110113719,2025-05,2025-05-02 2025-05-20," + before + ",請求,7,,,1980-05-05,SELF,false\r\n"
                + "\"nobody, really\",0110113719,2025-05,2025-05-02," + before + ",請求,999,,,1980-05-05,,\r\n");

        signedIn(SSK_USER, SSK_PASSWORD);
        submit(By.id("nav-claims"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "レセプト振替・分割"));
        browser.findElement(By.id("upload:file")).sendKeys(file.toAbsolutePath().toString());
        submit(By.id("upload:submit"));
        String jobId = text(By.id("job:jobId"));
        assertTrue(text(By.id("messages")).contains(jobId), "the job is accepted: " + text(By.id("messages")));
        for (int i = 0; i < 60 && browser.findElements(By.id("job:download")).isEmpty(); i++) {
            Thread.sleep(500);
            submit(By.id("job:refresh"));
        }
        assertEquals("完了", text(By.id("job:status")));
        assertEquals("1", text(By.cssSelector("#chart [data-disposition=REROUTE]")));
        assertEquals("1", text(By.cssSelector("#chart [data-disposition=NOT_FOUND]")));
        assertEquals("0", text(By.cssSelector("#chart [data-disposition=KEEP]")));
        assertNoInlineScript();
        screenshot("14-claims");

        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.root().resolve(
                        "oqs/console/claims.csv?job=" + jobId))
                .header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, csv.statusCode());
        List<String> lines = csv.body().lines().toList();
        assertTrue(lines.get(0).startsWith("\uFEFFindex,claimId,medicalInstitutionCode"), lines.get(0));
        assertEquals(3, lines.size(), lines::toString);
        assertTrue(lines.get(1).startsWith("\"0\",\"moved\",\"0110113719\",\"2025-05\",\"REROUTE\",\"INSURER_CHANGED\","
                + "\"2025-05-02\",\"2025-05-20\",\"" + after + "\",\"移動\",\"8\""), lines.get(1));
        assertTrue(lines.get(2).startsWith("\"1\",\"nobody, really\",\"0110113719\",\"2025-05\",\"NOT_FOUND\""),
                lines.get(2));

        // a file out of the layout is refused with its line, and nothing is submitted
        Files.writeString(file, "claimId,wrong\r\n");
        open("console/claims.xhtml");
        browser.findElement(By.id("upload:file")).sendKeys(file.toAbsolutePath().toString());
        submit(By.id("upload:submit"));
        assertTrue(text(By.id("messages")).contains("1行目"), text(By.id("messages")));
        assertTrue(browser.findElements(By.id("job:jobId")).isEmpty());
    }

    @Test
    void theEnglishSwitchShowsTheSamePageInEnglish() throws Exception {
        registered(insurerNumber("06", "13", 551), false);
        signedIn(SSK_USER, SSK_PASSWORD);
        submit(By.id("session:language"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Insurers"));
        assertTrue(text(By.id("current-user")).contains("SSK administrator"));
        assertTrue(browser.getPageSource().contains("Health insurance society"));
        screenshot("08-insurers-english");
        submit(By.id("session:language"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "保険者一覧"));
        screenshot("09-insurers");
    }

    @Test
    void onlyTheSecurityAdministratorCreatesAuditorsWhoSeeOnlyTheirOrganisationsPeopleAndSyncActivity()
            throws Exception {
        String own = registered(insurerNumber("06", "13", 571), true);
        // an organisation's administrator grants no auditor: it may give its own role only
        signedIn(SSK_USER, SSK_PASSWORD);
        open("console/insurer.xhtml?number=" + KOKUHO_INSURER); // refused, and audited
        submit(By.id("nav-accounts"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "職員アカウント"));
        assertEquals(List.of("支払基金 管理者"), new Select(browser.findElement(By.id("create:role"))).getOptions()
                .stream().map(WebElement::getText).toList());
        assertFalse(text(By.id("accounts:list")).contains(SECURITY_USER), "security administrators are not its own");
        submit(By.id("session:signout"));
        wait.until(ExpectedConditions.urlContains("/console/signin.xhtml"));

        // the security administrator lands on the accounts page, and can open no page with personal data
        signIn(SECURITY_USER, SECURITY_PASSWORD);
        wait.until(ExpectedConditions.urlContains("/console/accounts.xhtml"));
        assertEquals("職員アカウント", text(By.tagName("h1")));
        assertTrue(text(By.id("current-user")).contains("セキュリティ管理者"));
        open(""); // the service's root sends a security administrator to the accounts page too, not to a 403
        wait.until(ExpectedConditions.urlContains("/console/accounts.xhtml"));
        assertEquals("職員アカウント", text(By.tagName("h1")));
        for (String link : List.of("nav-insurers", "nav-onboard", "nav-persons", "nav-activity", "nav-audit")) {
            assertTrue(browser.findElements(By.id(link)).isEmpty(), link + " is not offered");
        }
        assertFalse(text(By.id("accounts:list")).contains(SSK_USER), "it does not manage administrators");
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        for (String page : List.of("insurers.xhtml", "persons.xhtml", "activity.xhtml?insurer=" + own, "audit.xhtml",
                "insurer.xhtml?number=" + own, "insurers.csv")) {
            HttpResponse<String> refused = consolePage(session, page);
            assertEquals(403, refused.statusCode(), page + ": " + refused.body());
            assertFalse(refused.body().contains(own), page);
        }
        assertEquals(List.of("監査担当", "セキュリティ管理者"), new Select(browser.findElement(By.id("create:role")))
                .getOptions().stream().map(WebElement::getText).toList());
        browser.findElement(By.id("create:username")).sendKeys(AUDITOR_USER);
        browser.findElement(By.id("create:displayName")).sendKeys("監査 一郎");
        new Select(browser.findElement(By.id("create:role"))).selectByVisibleText("監査担当");
        new Select(browser.findElement(By.id("create:organisation"))).selectByVisibleText("支払基金");
        browser.findElement(By.id("create:password")).sendKeys("short");
        submit(By.id("create:submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "ACCOUNT_PASSWORD_TOO_SHORT"));
        browser.findElement(By.id("create:password")).sendKeys(AUDITOR_PASSWORD);
        submit(By.id("create:submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "アカウント " + AUDITOR_USER
                + " を作成しました"));
        String accounts = text(By.id("accounts:list"));
        assertTrue(accounts.contains("監査 一郎") && accounts.contains("支払基金"), accounts);
        screenshot("12-accounts");

        submit(By.id("session:signout"));
        wait.until(ExpectedConditions.urlContains("/console/signin.xhtml"));
        signedIn(AUDITOR_USER, AUDITOR_PASSWORD);
        assertTrue(browser.findElements(By.id("nav-onboard")).isEmpty(), "auditors onboard nothing");
        assertTrue(browser.findElements(By.id("nav-accounts")).isEmpty(), "auditors manage no accounts");
        assertTrue(browser.getPageSource().contains(KOKUHO_INSURER), "auditors read the whole registry");
        // the sync activity and the people of its own organisation's insurers only
        open("console/activity.xhtml?insurer=" + own);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("activity:noticeCount")));
        open("console/activity.xhtml?insurer=" + KOKUHO_INSURER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "INSURER_OUT_OF_SCOPE"));
        assertTrue(browser.findElements(By.id("activity:noticeCount")).isEmpty());
        submit(By.id("nav-persons"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "資格履歴の照会"));
        browser.findElement(By.id("search:insurerNumber")).sendKeys(KOKUHO_INSURER);
        browser.findElement(By.id("search:number")).sendKeys("1");
        browser.findElement(By.id("search:birthDate")).sendKeys("1980-05-05");
        submit(By.id("search:submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "INSURER_OUT_OF_SCOPE"));

        submit(By.id("nav-audit"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "監査ログ"));
        browser.findElement(By.id("search:actor")).sendKeys(SSK_USER);
        submit(By.id("search:submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:entries"),
                "権限外の保険者へのアクセス（拒否）"));
        submit(By.id("verify:verifyChain"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verify:verification"),
                "改ざんは検出されませんでした"));
        screenshot("13-audit");

        // the grant, the auditor's refused reaches and its reads of the trail are all on the trail
        String auditor = tokens.issue(Roles.AUDITOR, "auditor-api", Map.of(), Duration.ofHours(1));
        String granted = HTTP.get(server, "admin/audit?actor=" + SECURITY_USER + "&size=1000", auditor).body();
        assertTrue(granted.contains("\"ACCOUNT_CREATED\"") && granted.contains("auditor " + AUDITOR_USER), granted);
        String trail = HTTP.get(server, "admin/audit?actor=" + AUDITOR_USER + "&size=1000", auditor).body();
        assertEquals(2, trail.split("INSURER_OUT_OF_SCOPE " + KOKUHO_INSURER, -1).length - 1, trail);
        assertTrue(trail.contains("\"AUDIT_READ\"") && trail.contains("VERIFY INTACT"), trail);
    }

    /**
     * Issue 10 finding 1: a clinic whose lookups find nobody (guessing birth dates) raises an alert that auditors see
     * on the audit page; administrators do not see the alerts.
     */
    @Test
    void anAuditorSeesTheAlertOfAClinicWhoseLookupsFindNobody() throws Exception {
        String clinic = "271100005" + jp.oqs.identifier.CheckDigits.luhn("271100005");
        String clinicToken = tokens.issue(Roles.CLINIC, "guessing-clinic", Map.of(
                Roles.CLAIM_MEDICAL_INSTITUTION_CODE, clinic), Duration.ofHours(1));
        String unregistered = insurerNumber("06", "27", 599);
        // 100 guesses: whatever window boundary they straddle, one window has the 50 answers the alert needs
        for (int guess = 0; guess < 100; guess++) {
            server.assertStatus(200, HTTP.post(server, "eligibility/lookups", clinicToken,
                    new jp.oqs.api.eligibility.LookupRequest(unregistered, "推測", String.valueOf(guess), null, null,
                            LocalDate.of(1980, 1, 1).plusDays(guess), null, null)));
        }
        signedIn(SSK_USER, SSK_PASSWORD);
        submit(By.id("nav-audit"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "監査ログ"));
        assertTrue(browser.findElements(By.id("alerts")).isEmpty(), "administrators do not see clinic alerts");
        submit(By.id("session:signout"));
        wait.until(ExpectedConditions.urlContains("/console/signin.xhtml"));
        signIn(SECURITY_USER, SECURITY_PASSWORD);
        wait.until(ExpectedConditions.urlContains("/console/accounts.xhtml"));
        createAuditor("audit-alerts", "監査 四郎", "audit-alerts-password-3b9d");
        submit(By.id("session:signout"));
        wait.until(ExpectedConditions.urlContains("/console/signin.xhtml"));
        signedIn("audit-alerts", "audit-alerts-password-3b9d");
        submit(By.id("nav-audit"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "監査ログ"));
        assertTrue(text(By.id("alerts")).contains("医療機関の警告"), text(By.id("alerts")));
        String alerts = text(By.id("alertList"));
        assertTrue(alerts.contains(clinic) && alerts.contains("50 / 50"), alerts);
        screenshot("14-clinic-alerts");
    }

    @Test
    void aDisabledAccountsOpenSessionEndsAtItsNextRequestAndAccountChangesAndSignInsAreAudited() throws Exception {
        signIn("no-such-user-7", "whatever-password-1");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "正しくありません"));
        signIn(SECURITY_USER, SECURITY_PASSWORD);
        wait.until(ExpectedConditions.urlContains("/console/accounts.xhtml"));
        createAuditor("audit-2", "監査 二郎", "audit-2-password-51c0");
        createAuditor("audit-3", "監査 三郎", "audit-3-password-a8e4");
        submit(By.id("session:signout"));
        wait.until(ExpectedConditions.urlContains("/console/signin.xhtml"));

        signedIn("audit-2", "audit-2-password-51c0");
        String openSession = browser.manage().getCookieNamed("JSESSIONID").getValue();
        assertEquals(200, consolePage(openSession).statusCode(), "the session works while the account is enabled");
        browser.manage().deleteAllCookies();

        signIn(SECURITY_USER, SECURITY_PASSWORD);
        wait.until(ExpectedConditions.urlContains("/console/accounts.xhtml"));
        submit(By.id("nav-accounts"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "職員アカウント"));
        submit(By.xpath("//table[@id='accounts:list']//tr[td[1][normalize-space()='audit-2']]//input"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.xpath(
                "//table[@id='accounts:list']//tr[td[1][normalize-space()='audit-2']]"), "無効"));
        HttpResponse<String> afterDisable = consolePage(openSession);
        assertEquals(302, afterDisable.statusCode(), "the disabled account's session ends: " + afterDisable.body());
        assertTrue(afterDisable.headers().firstValue("Location").orElse("").contains("/console/signin.xhtml"));
        assertEquals(302, consolePage(openSession).statusCode(), "and stays ended");

        submit(By.id("session:signout"));
        wait.until(ExpectedConditions.urlContains("/console/signin.xhtml"));
        signedIn("audit-3", "audit-3-password-a8e4");
        submit(By.id("nav-audit"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "監査ログ"));
        browser.findElement(By.id("search:actor")).sendKeys(SECURITY_USER);
        submit(By.id("search:submit"));
        String entries = text(By.id("list:entries"));
        assertTrue(entries.contains("職員アカウントの作成"), entries);
        assertTrue(entries.contains("職員アカウントの無効化"), entries);
        assertTrue(entries.contains("コンソールへのサインイン"), entries);
        browser.findElement(By.id("search:actor")).clear();
        browser.findElement(By.id("search:actor")).sendKeys("no-such-user-7");
        submit(By.id("search:submit"));
        entries = text(By.id("list:entries"));
        assertTrue(entries.contains("サインインの拒否") && entries.contains("UNKNOWN_ACCOUNT"), entries);
        assertFalse(entries.contains("whatever-password-1"), "never the password");
    }

    /**
     * The page's Content-Security-Policy allows scripts from the console only (no {@code 'unsafe-inline'}), and the
     * page has no inline script or event handler (which the browser would then refuse to run).
     */
    private static void assertNoInlineScript() throws Exception {
        String policy = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.root().resolve(
                "oqs/console/signin.xhtml")).build(), HttpResponse.BodyHandlers.discarding()).headers()
                .firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self';") && !policy.contains("unsafe-inline"), policy);
        String page = browser.getPageSource();
        java.util.regex.Matcher inline = java.util.regex.Pattern.compile(
                "<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=", java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(page);
        assertFalse(inline.find(), () -> "inline script: " + page.substring(Math.max(0, inline.start() - 200),
                Math.min(page.length(), inline.end() + 200)));
    }

    /** On the accounts page: creates an auditor and waits for the confirmation. */
    private static void createAuditor(String username, String name, String password) {
        submit(By.id("nav-accounts"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "職員アカウント"));
        browser.findElement(By.id("create:username")).sendKeys(username);
        browser.findElement(By.id("create:displayName")).sendKeys(name);
        new Select(browser.findElement(By.id("create:role"))).selectByVisibleText("監査担当");
        new Select(browser.findElement(By.id("create:organisation"))).selectByVisibleText("支払基金");
        browser.findElement(By.id("create:password")).sendKeys(password);
        submit(By.id("create:submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "アカウント " + username
                + " を作成しました"));
    }

    /** The insurer list requested outside the browser with this session cookie (redirects not followed). */
    private static HttpResponse<String> consolePage(String sessionId) throws Exception {
        return consolePage(sessionId, "insurers.xhtml");
    }

    /** A console page requested outside the browser with this session cookie (redirects not followed). */
    private static HttpResponse<String> consolePage(String sessionId, String page) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.root().resolve(
                "oqs/console/" + page)).header("Cookie", "JSESSIONID=" + sessionId).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** An employee-insurance insurer registered through the admin API (CENTRAL_GENERATED from 2024-04-01). */
    private static String registered(String number, boolean active) throws Exception {
        String ssk = tokens.issue(Roles.SSK_ADMIN, "ssk-api", Map.of(), Duration.ofHours(1));
        server.assertStatus(201, HTTP.post(server, "admin/insurers", ssk, new OnboardInsurerRequest(number,
                "試験健康保険組合" + number, "シケンケンコウホケンクミアイ", null, new NumberingRuleRequest(
                NumberingRuleKind.CENTRAL_GENERATED, LocalDate.of(2024, 4, 1), null, null, null))));
        if (active) {
            server.assertStatus(200, HTTP.post(server, "admin/insurers/" + number + "/activation", ssk, Map.of()));
        }
        return number;
    }

    /** Signs in on the sign-in page and waits for the insurer list. */
    private static void signedIn(String username, String password) {
        signIn(username, password);
        wait.until(ExpectedConditions.urlContains("/console/insurers.xhtml"));
    }

    private static void open(String path) {
        browser.get(server.root().resolve("oqs/" + path).toString());
    }

    /** Fills in and sends the sign-in form, and waits until the answer has replaced the page. */
    private static void signIn(String username, String password) {
        if (!browser.getCurrentUrl().contains("/console/signin.xhtml")) {
            open("console/signin.xhtml");
        }
        browser.findElement(By.id("signin:username")).clear();
        browser.findElement(By.id("signin:username")).sendKeys(username);
        browser.findElement(By.id("signin:password")).sendKeys(password);
        submit(By.id("signin:submit"));
    }

    /** Clicks a button or link that sends the page, and waits until the answer has replaced it. */
    private static void submit(By locator) {
        WebElement element = browser.findElement(locator);
        element.click();
        wait.until(page -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException gone) {
                // Chromium's driver reports a node of a replaced document this way
                if (String.valueOf(gone.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw gone;
            }
        });
    }

    private static String text(By locator) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(locator)).getText();
    }

    private static void screenshot(String name) throws Exception {
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
