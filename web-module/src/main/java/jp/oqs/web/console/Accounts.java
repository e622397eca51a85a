package jp.oqs.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import jp.oqs.api.insurer.ManagingOrganisation;
import jp.oqs.api.security.Roles;
import jp.oqs.staff.StaffAccount;
import jp.oqs.staff.StaffAccounts;
import jp.oqs.staff.StaffException;

/**
 * Staff accounts: an administrator lists, creates, disables and re-enables the administrators of its organisation;
 * a security administrator does the same for auditors (each of one organisation) and security administrators.
 */
@Named
@ViewScoped
public class Accounts implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient StaffAccounts accounts;

    @Inject
    private ConsoleUser user;

    private String username;
    private String displayName;
    private String role;
    private ManagingOrganisation organisation;
    private String password;
    private transient List<StaffAccount> list;

    public List<StaffAccount> getList() {
        if (list == null) {
            list = user.isAccountManager() ? accounts.managedBy(user.getRole()) : List.of();
        }
        return list;
    }

    public List<String> getRoles() {
        return StaffAccounts.manageableRoles(user.getRole());
    }

    /** Whether this user creates auditors, who each belong to one organisation (chosen on the form). */
    public boolean isOrganisationChosen() {
        return getRoles().contains(Roles.AUDITOR);
    }

    public ManagingOrganisation[] getOrganisations() {
        return ManagingOrganisation.values();
    }

    public void create() {
        try {
            accounts.create(user.getRole(), user.getName(), username, displayName, role,
                    Roles.AUDITOR.equals(role) ? organisation : null, password == null ? null : password.toCharArray());
            Texts.info("accounts.created", username);
            username = null;
            displayName = null;
            role = null;
            organisation = null;
            list = null;
        } catch (StaffException e) {
            Texts.error(e);
        } finally {
            password = null;
        }
    }

    public void setEnabled(String account, boolean enabled) {
        try {
            accounts.setEnabled(user.getRole(), user.getName(), account, enabled);
            Texts.info(enabled ? "accounts.enabled" : "accounts.disabled", account);
            list = null;
        } catch (StaffException e) {
            Texts.error(e);
        }
    }

    public int getMinPasswordLength() {
        return StaffAccounts.MIN_PASSWORD_LENGTH;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public ManagingOrganisation getOrganisation() {
        return organisation;
    }

    public void setOrganisation(ManagingOrganisation organisation) {
        this.organisation = organisation;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
