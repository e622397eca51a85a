package jp.oqs.web.console;

import jakarta.faces.FacesException;
import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import jp.oqs.api.security.Roles;
import jp.oqs.web.security.OqsAuthentication;

/**
 * What a user meets in daily work is answered with a page, not an error: a form whose view has expired (the page
 * stood open past the session) is shown again, fresh; a protected page opened by a typed or bookmarked address
 * (no CSRF token) leads to the insurer list. Each time with a message saying why. Anything else goes on to the
 * container's error handling.
 */
public class ConsoleExceptions extends ExceptionHandlerFactory {

    public ConsoleExceptions(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        private static final String ACCOUNTS = "/console/accounts.xhtml";

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext faces = FacesContext.getCurrentInstance();
            for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
                 events.hasNext(); ) {
                Throwable failure = events.next().getContext().getException();
                String target = null;
                String message = null;
                if (failure instanceof ViewExpiredException expired) {
                    target = faces.getExternalContext().getRequestContextPath()
                            + (expired.getViewId() == null ? OqsAuthentication.SIGN_IN_PAGE : expired.getViewId());
                    message = "error.viewExpired";
                } else if (failure instanceof ProtectedViewException) {
                    // a security administrator's menu is the accounts page itself: reached again with its token
                    target = faces.getExternalContext().isUserInRole(Roles.SECURITY_ADMIN)
                            ? faces.getApplication().getViewHandler().getRedirectURL(faces, ACCOUNTS, Map.of(), false)
                            : faces.getExternalContext().getRequestContextPath() + "/console/insurers.xhtml";
                    message = "error.protectedView";
                }
                if (target != null) {
                    events.remove();
                    redirect(faces, target, message);
                }
            }
            getWrapped().handle();
        }

        /** Redirects to {@code url} (context path included) with the message kept for the next page. */
        private static void redirect(FacesContext faces, String url, String messageKey) {
            ExternalContext external = faces.getExternalContext();
            try {
                external.getFlash().setKeepMessages(true);
                Texts.errorText(messageKey);
                external.redirect(url);
                faces.responseComplete();
            } catch (IOException e) {
                throw new FacesException(e);
            }
        }
    }
}
