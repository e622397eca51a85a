package jp.oqs.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.oqs.api.security.Roles;

/** The sign-in form: hands the credentials to Jakarta Security, which checks them against the staff accounts. */
@Named
@RequestScoped
public class SignIn {

    @Inject
    private SecurityContext security;

    @NotBlank
    @Size(max = 64)
    private String username;

    @NotBlank
    @Size(max = 200)
    private String password;

    public String signIn() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = security.authenticate((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(), AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, new Password(password)))
                        .newAuthentication(true));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            return landingPage(external);
        }
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.text("signin.failed"), null));
        return null;
    }

    /** The root page's action: where a signed-in user lands (anyone else is sent on to sign in from there). */
    public String landing() {
        return landingPage(FacesContext.getCurrentInstance().getExternalContext());
    }

    /**
     * Where a user lands after signing in: the insurer list, except for a security administrator, who reaches the
     * accounts page only (a protected view: the redirect carries its token).
     */
    static String landingPage(ExternalContext external) {
        return external.isUserInRole(Roles.SECURITY_ADMIN) ? "/console/accounts?faces-redirect=true"
                : "/console/insurers?faces-redirect=true";
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
