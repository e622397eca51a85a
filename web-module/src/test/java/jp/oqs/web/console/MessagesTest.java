package jp.oqs.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import jp.oqs.audit.AuditKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The console's audit page names every kind of audit entry in both languages (a missing key shows as ???key???). */
class MessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void everyAuditKindHasALabel(String language) {
        ResourceBundle messages = ResourceBundle.getBundle("jp.oqs.web.console.messages", Locale.forLanguageTag(language));
        List<String> missing = new ArrayList<>();
        for (AuditKind kind : AuditKind.values()) {
            String key = "auditKind." + kind.name();
            if (!messages.containsKey(key) || messages.getString(key).isBlank()) {
                missing.add(key);
            }
        }
        assertEquals(List.of(), missing, "labels missing in messages_" + language);
    }
}
