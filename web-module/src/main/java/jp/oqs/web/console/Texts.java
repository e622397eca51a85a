package jp.oqs.web.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import jp.oqs.platform.BusinessException;

/** The console's texts in the view's language, and its messages to the user. */
final class Texts {

    static final String BUNDLE = "jp.oqs.web.console.messages";

    private Texts() {
    }

    static String text(String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale());
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(arguments);
    }

    /** The view's language; before a view exists (an expired one), the session's choice. */
    private static java.util.Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getViewRoot() != null ? faces.getViewRoot().getLocale()
                : jakarta.enterprise.inject.spi.CDI.current().select(Language.class).get().getLocale();
    }

    static void info(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, text(key, arguments));
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    /** Checks a request record's constraints (as the REST boundary does); each violation becomes a message. */
    static <T> boolean valid(jakarta.validation.Validator validator, T request) {
        var violations = validator.validate(request);
        violations.forEach(v -> add(FacesMessage.SEVERITY_ERROR,
                text("field." + v.getPropertyPath()) + ": " + v.getMessage()));
        return violations.isEmpty();
    }

    static void errorText(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, text(key, arguments));
    }

    /** A refusal by the session beans, at the top of the page: the bundle's text for its code. */
    static void error(BusinessException e) {
        add(FacesMessage.SEVERITY_ERROR, describe(e));
    }

    /** The bundle's text for the failure's code when there is one, else the session bean's message; plus the code. */
    static String describe(BusinessException e) {
        String key = "error." + e.code();
        String text = text(key);
        boolean english = locale().getLanguage().equals("en");
        String detail = text.equals(key) ? (english ? e.hint() : e.getMessage()) : text;
        return detail + " (" + e.code() + ")";
    }
}
