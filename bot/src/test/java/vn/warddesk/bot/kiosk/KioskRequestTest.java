package vn.warddesk.bot.kiosk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

import vn.warddesk.bot.KioskServerSupport;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.testing.Waits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Asking, starting a request (consent → one field per screen → summary → ticket), declining, and checking a case,
 * on the real server and conversation engine in headless Chromium.
 */
@ServerTest
class KioskRequestTest {
    static final Pattern CASE_CODE = Pattern.compile("[A-Z]{1,5}-\\d{4}-\\d{7}-\\d{7}");
    private static HikariDataSource pool;
    private static AutoCloseable features;

    private final URI uri;

    KioskRequestTest(URI uri) {
        this.uri = uri;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("kiosk_request");
        features = KioskServerSupport.configure(server, Config.empty(), pool, Clock.systemUTC());
    }

    @AfterAll
    static void close() throws Exception {
        features.close();
        pool.close();
    }

    private String base() {
        return "http://localhost:" + uri.getPort();
    }

    @Test
    void asking_dk_tam_tru_can_gi_gets_the_documents_answer_in_both_languages() {
        try (KioskBrowser browser = new KioskBrowser(base(), 1280, 800)) {
            browser.open("", "#/ask");
            browser.waitFor("#question").sendKeys("dk tam tru can gi\n");
            browser.waitFor(".msg-bot");
            String answer = browser.waitFor(".msg-bot .msg-text").getText();
            assertTrue(answer.contains("CT01"), "the temporary residence documents (form CT01): " + answer);
            assertFalse(browser.all(".msg-buttons .btn-engine").isEmpty(), "the engine's follow-up buttons are shown");
            browser.screenshot("03-ask-vi");
            assertEquals(List.of(), browser.accessibilityViolations(), "axe on ask (vi)");
            KioskBrowsingTest.assertMinimumSizes(browser, "ask vi");

            browser.click("[data-finish], [data-go='#/']");
            browser.click("[data-lang=en]");
            browser.click("[data-go='#/ask']");
            browser.waitFor("html[lang=en] #question").sendKeys("what documents do I need for temporary residence\n");
            String english = browser.waitFor(".msg-bot .msg-text").getText();
            assertTrue(english.contains("CT01"), "English answer: " + english);
            browser.screenshot("03-ask-en");
            assertEquals(List.of(), browser.accessibilityViolations(), "axe on ask (en)");
        }
    }

    @Test
    void quick_question_chips_ask_for_the_citizen() {
        try (KioskBrowser browser = new KioskBrowser(base(), 1280, 800)) {
            browser.open("", "#/procedure/temporary_residence");
            browser.click("[data-ask-about]");
            List<WebElement> chips = browser.all(".chip");
            assertTrue(chips.size() >= 3, "chips under the input");
            String chip = chips.get(0).getText();
            chips.get(0).click();
            browser.waitForText(".msg-you", chip);
            browser.waitFor(".msg-bot");
        }
    }

    @Test
    void full_request_goes_from_consent_through_validated_fields_to_a_ticket_and_its_case_status() throws Exception {
        try (KioskBrowser browser = new KioskBrowser(base(), 1280, 800)) {
            browser.open("", "#/");
            browser.click("[data-procedure=temporary_residence]");
            browser.click("[data-go='#/request/temporary_residence']");

            // Consent first, before any field: agree and decline equal in size and weight.
            browser.waitFor("#main .choice-pair");
            List<WebElement> pair = browser.all("#main .choice-pair .btn-choice");
            assertEquals(2, pair.size());
            Rectangle agree = pair.get(0).getRect();
            Rectangle decline = pair.get(1).getRect();
            assertEquals(agree.getWidth(), decline.getWidth(), 1, "same width");
            assertEquals(agree.getHeight(), decline.getHeight(), 1, "same height");
            assertEquals(pair.get(0).getCssValue("font-weight"), pair.get(1).getCssValue("font-weight"));
            assertEquals(pair.get(0).getCssValue("background-color"), pair.get(1).getCssValue("background-color"));
            assertTrue(browser.all("#answer").isEmpty(), "no field before consent");
            browser.screenshot("04-consent-vi");
            assertEquals(List.of(), browser.accessibilityViolations(), "axe on consent");

            browser.click("[data-engine-action='consent:full']");
            browser.waitFor(".notice-full");
            assertTrue(browser.waitFor(".notice-full").getText().length() > 1500, "the full notice is shown");
            browser.screenshot("04-consent-full-notice-vi");
            assertEquals(List.of(), browser.accessibilityViolations(), "axe on the full notice");
            browser.click(".choice-pair [data-engine-action='consent:agree']");

            // Name: a text field with its purpose.
            WebElement name = browser.waitFor("input#answer[type=text]");
            assertFalse(browser.waitFor("#purpose").getText().isBlank(), "the purpose is shown under the question");
            browser.screenshot("04-field-name-vi");
            assertEquals(List.of(), browser.accessibilityViolations(), "axe on the name field");
            name.sendKeys("Nguyễn Thị Ánh Tuyết\n");

            // Phone: on-screen keypad; an invalid number is rejected with a clear message.
            browser.waitFor(".keypad");
            for (char digit : "0123".toCharArray()) {
                browser.click(".key[data-key='" + digit + "']");
            }
            assertEquals("0123", browser.waitFor("#answer").getAttribute("value"));
            browser.click("form[data-field-form] button[type=submit]");
            String error = browser.waitFor("#field-error").getText();
            assertTrue(error.contains("Số điện thoại"), "clear message about the phone number: " + error);
            browser.screenshot("04-field-phone-rejected-vi");
            assertEquals(List.of(), browser.accessibilityViolations(), "axe on the phone error");
            KioskBrowsingTest.assertMinimumSizes(browser, "phone keypad");
            assertEquals("0123", browser.waitFor("#answer").getAttribute("value"), "the refused number stays to be corrected");
            browser.click(".key[data-key='clear']");
            for (char digit : "0905123456".toCharArray()) {
                browser.click(".key[data-key='" + digit + "']");
            }
            browser.click("form[data-field-form] button[type=submit]");

            // Preferred day: next working days as tiles, never a Sunday.
            browser.waitFor(".tile-day");
            List<WebElement> days = browser.all(".tile-day");
            assertFalse(days.isEmpty());
            for (WebElement day : days) {
                String[] dmy = day.getAttribute("data-answer").split("/");
                java.time.LocalDate date = java.time.LocalDate.of(Integer.parseInt(dmy[2]), Integer.parseInt(dmy[1]), Integer.parseInt(dmy[0]));
                assertFalse(date.getDayOfWeek() == java.time.DayOfWeek.SUNDAY, "no Sunday tile: " + date);
                assertTrue(date.isAfter(java.time.LocalDate.now()), "only days ahead: " + date);
            }
            browser.screenshot("04-field-day-vi");
            assertEquals(List.of(), browser.accessibilityViolations(), "axe on the day tiles");
            WebElement chosen = days.stream().filter(d -> !d.getText().contains("Thứ Bảy")).findFirst().orElseThrow();
            String chosenDay = chosen.getAttribute("data-answer");
            chosen.click();
            skipOptionalFields(browser);

            // Summary with edit: change the phone, then confirm.
            browser.waitFor("[data-engine-action='confirm']");
            String summary = browser.waitFor(".summary").getText();
            assertTrue(summary.contains("Nguyễn Thị Ánh Tuyết"), summary);
            assertTrue(summary.replace(" ", "").contains("0905123456"), summary);
            browser.screenshot("04-summary-vi");
            assertEquals(List.of(), browser.accessibilityViolations(), "axe on the summary");
            browser.click("[data-engine-action='edit:phone']");
            browser.waitFor(".keypad");
            for (char digit : "0912345678".toCharArray()) {
                browser.click(".key[data-key='" + digit + "']");
            }
            browser.click("form[data-field-form] button[type=submit]");
            skipOptionalFields(browser);
            assertTrue(browser.waitFor(".summary").getText().replace(" ", "").contains("0912345678"), "edited phone in the summary");
            browser.click("[data-engine-action='confirm']");

            // Ticket: the case code in large type, its QR code, what to bring.
            WebElement code = browser.waitFor("#case-code");
            String caseCode = code.getText();
            assertTrue(CASE_CODE.matcher(caseCode).matches(), "case code: " + caseCode);
            assertEquals("#/ticket/" + caseCode, browser.script("return location.hash"));
            assertTrue(Double.parseDouble(code.getCssValue("font-size").replace("px", "")) >= 48, "very large type");
            browser.waitUntil(d -> (Boolean) browser.script("const q = document.getElementById('qr'); return q.complete && q.naturalWidth > 0"),
                              Waits.BROWSER);
            HttpResponse<String> qr = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base() + browser.waitFor("#qr").getAttribute("src").replace(base(), ""))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, qr.statusCode());
            assertTrue(qr.headers().firstValue("content-type").orElse("").startsWith("image/svg+xml"));
            assertTrue(browser.waitFor(".bring").getText().contains("CT01"), "what to bring lists the documents");
            assertEquals(chosenDay, browser.waitFor("#slip-day").getText(), "the slip shows the day the citizen chose");
            String check = browser.waitFor("#case-check").getText();
            assertTrue(check.matches("\\d{4}"), "the slip prints the 4-digit check of the case page: " + check);
            assertTrue(browser.waitFor("#qr").getAttribute("src").endsWith("check=" + check), "the QR carries the check");
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base() + "/api/v1/cases/" + caseCode + "/page?check=" + check)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), "code + printed check open the citizen's case page");
            String office = (String) browser.asyncScript(
                    "const done = arguments[0]; fetch('/api/v1/office?locale=vi').then(r => r.json()).then(o => done(o.address))");
            assertTrue(browser.waitFor("#slip-where").getText().contains(office), "the slip shows the office address");
            assertFalse(browser.waitFor("#slip-hours").getText().isBlank(), "the slip shows the office hours");
            browser.screenshot("05-ticket-vi");
            assertEquals(List.of(), browser.accessibilityViolations(), "axe on the ticket");
            KioskBrowsingTest.assertMinimumSizes(browser, "ticket");
            assertPrintLayoutFitsA80mmReceipt(browser);

            // Finish clears the screen; then check the case with the keypad.
            browser.click("[data-finish]");
            browser.waitFor(".tiles .tile");
            assertFalse(browser.mainText().contains(caseCode), "finish leaves no case code on screen");
            browser.click("[data-go='#/case']");
            browser.waitFor(".keypad");
            for (char digit : caseCode.replaceAll("\\D", "").toCharArray()) {
                browser.click(".keypad .key[data-key='" + digit + "']");
            }
            assertEquals(caseCode, browser.waitFor("#case-input").getAttribute("value"));
            browser.screenshot("06-case-entry-vi");
            assertEquals(List.of(), browser.accessibilityViolations(), "axe on case entry");
            browser.click("form[data-case-form] button[type=submit]");
            String status = browser.waitFor("#case-status").getText();
            assertEquals("Đã tiếp nhận, đang chờ cán bộ", status, "a new case waits for an officer");
            assertTrue(browser.mainText().contains("Đăng ký tạm trú"), "procedure name in the status");
            browser.screenshot("06-case-status-vi");
            assertEquals(List.of(), browser.accessibilityViolations(), "axe on case status");
        }
    }

    @Test
    void an_english_request_ends_with_a_ticket_too() {
        try (KioskBrowser browser = new KioskBrowser(base(), 1280, 800)) {
            browser.open("", "#/");
            browser.click("[data-lang=en]");
            browser.click("html[lang=en] [data-procedure=copy_certification]");
            browser.click("[data-go='#/request/copy_certification']");
            browser.waitFor(".choice-pair");
            assertTrue(browser.mainText().contains("I agree"), browser.mainText());
            browser.screenshot("04-consent-en");
            browser.click(".choice-pair [data-engine-action='consent:agree']");
            for (int step = 0; step < 8; step++) {
                if (!browser.all("#case-code").isEmpty()) {
                    break;
                }
                browser.waitUntil(d -> !browser.all("#answer, .tile-day, .tile-choice, [data-engine-action='confirm'], #case-code").isEmpty(),
                                  Waits.BROWSER);
                if (!browser.all(".keypad").isEmpty()) {
                    for (char digit : "0987654321".toCharArray()) {
                        browser.click(".key[data-key='" + digit + "']");
                    }
                    browser.click("form[data-field-form] button[type=submit]");
                } else if (!browser.all("#main [data-engine-action='skip']").isEmpty()) {
                    browser.click("#main [data-engine-action='skip']");
                } else if (!browser.all("input#answer").isEmpty()) {
                    browser.screenshot("04-field-text-en");
                    browser.waitFor("#answer").sendKeys("Tran Van Binh\n");
                } else if (!browser.all(".tile-day").isEmpty()) {
                    browser.all(".tile-day").stream().filter(d -> !d.getText().contains("Saturday")).findFirst().orElseThrow().click();
                } else if (!browser.all(".tile-choice").isEmpty()) {
                    browser.all(".tile-choice").get(0).click();
                } else if (!browser.all("[data-engine-action='confirm']").isEmpty()) {
                    browser.screenshot("04-summary-en");
                    browser.click("[data-engine-action='confirm']");
                }
                browser.waitUntil(d -> (Boolean) browser.script("return !document.getElementById('main').hasAttribute('aria-busy')"),
                                  Waits.BROWSER);
            }
            String code = browser.waitFor("#case-code").getText();
            assertTrue(CASE_CODE.matcher(code).matches(), code);
            assertTrue(browser.mainText().contains("When you come, please bring"), browser.mainText());
            browser.screenshot("05-ticket-en");
            assertEquals(List.of(), browser.accessibilityViolations(), "axe on the English ticket");
        }
    }

    @Test
    void switching_language_in_the_middle_of_a_request_keeps_the_step_and_continues_in_english() {
        try (KioskBrowser browser = new KioskBrowser(base(), 1280, 800)) {
            browser.open("", "#/request/birth_registration");
            browser.waitFor("#main .choice-pair");
            browser.click("[data-lang=en]");
            browser.waitForText("h1", "Your personal data");
            assertEquals(2, browser.all("#main .choice-pair .btn-choice").size(), "still the consent step");
            browser.click("#main .choice-pair [data-engine-action='consent:agree']");
            String question = browser.waitFor("h1#q").getText();
            assertTrue(question.matches("[\\p{ASCII}]+"), "the engine asks in English now: " + question);
            assertEquals("en", browser.script("return document.documentElement.lang"));
        }
    }

    @Test
    void declining_keeps_the_citizen_out_of_intake_and_offers_answers_and_the_desk() {
        try (KioskBrowser browser = new KioskBrowser(base(), 1280, 800)) {
            browser.open("", "#/request/birth_registration");
            browser.click(".choice-pair [data-engine-action='consent:decline']");
            browser.waitForText("h1", "Bạn đã không đồng ý");
            assertTrue(browser.mainText().contains("không lưu thông tin cá nhân"), "the engine says nothing personal is kept");
            assertTrue(browser.all("#answer").isEmpty(), "no field after decline");
            assertTrue(browser.mainText().contains("Trung tâm Phục vụ hành chính công"), "the desk is named: " + browser.mainText());
            browser.screenshot("04-declined-vi");
            assertEquals(List.of(), browser.accessibilityViolations(), "axe on decline");
            browser.click("[data-finish]");
            browser.waitFor(".tiles .tile");
            assertEquals("#/", browser.script("return location.hash"));
        }
    }

    @Test
    void check_my_case_explains_an_unknown_or_malformed_code() {
        try (KioskBrowser browser = new KioskBrowser(base(), 1280, 800)) {
            browser.open("", "#/case");
            for (char digit : "2026".toCharArray()) {
                browser.click(".keypad .key[data-key='" + digit + "']");
            }
            browser.click("form[data-case-form] button[type=submit]");
            assertTrue(browser.waitFor("#case-error").getText().contains("4 số năm và hai nhóm 7 số"), "format explained");
            for (char digit : "0000000".toCharArray()) {
                browser.click(".keypad .key[data-key='" + digit + "']");
            }
            browser.click("form[data-case-form] button[type=submit]");
            browser.waitForText("#case-error", "Không tìm thấy hồ sơ");
            browser.screenshot("06-case-not-found-vi");
            assertEquals(List.of(), browser.accessibilityViolations(), "axe on case not found");
        }
    }

    /** Skips optional fields (e.g. a short description) until the summary with its confirm button shows. */
    static void skipOptionalFields(KioskBrowser browser) {
        for (int i = 0; i < 5; i++) {
            browser.waitUntil(d -> !browser.all("#main [data-engine-action='confirm'], #main [data-engine-action='skip']").isEmpty(),
                              Waits.BROWSER);
            if (!browser.all("#main [data-engine-action='confirm']").isEmpty()) {
                return;
            }
            browser.click("#main [data-engine-action='skip']");
            browser.waitUntil(d -> (Boolean) browser.script("return !document.getElementById('main').hasAttribute('aria-busy')"),
                              Waits.BROWSER);
        }
    }

    /** With the print stylesheet the ticket is at most 80 mm wide and the buttons are hidden. */
    private static void assertPrintLayoutFitsA80mmReceipt(KioskBrowser browser) {
        // Chromium can emulate print media through DevTools; Selenium exposes it via executeCdpCommand.
        ((org.openqa.selenium.chrome.ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia",
                java.util.Map.of("media", "print"));
        try {
            double width = ((Number) browser.script("return document.querySelector('.ticket').getBoundingClientRect().width")).doubleValue();
            assertTrue(width <= 80 / 25.4 * 96 + 1, "ticket width in print: " + width + " px");
            assertEquals("none", browser.waitForPresent("[data-finish]").getCssValue("display"), "buttons not printed");
            browser.screenshot("05-ticket-print-preview");
        } finally {
            ((org.openqa.selenium.chrome.ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia",
                    java.util.Map.of("media", ""));
        }
    }
}
