package jp.oqs.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import jp.oqs.api.insurer.ManagingOrganisation;

/** A console user. The password is kept only as a salted PBKDF2 hash; the sign-in queries read this table. */
@Entity
@Table(name = "staff_account")
@NamedQuery(name = "StaffAccount.byUsername", query = "SELECT a FROM StaffAccount a WHERE a.username = :username")
@NamedQuery(name = "StaffAccount.countByRole", query = "SELECT COUNT(a) FROM StaffAccount a WHERE a.role = :role")
@NamedQuery(name = "StaffAccount.countFailure",
        query = "UPDATE StaffAccount a SET a.failedSignIns = a.failedSignIns + 1 WHERE a.username = :username")
@NamedQuery(name = "StaffAccount.lockAfterFailures", query = "UPDATE StaffAccount a SET a.failedSignIns = 0, "
        + "a.lockedUntil = :until WHERE a.username = :username AND a.failedSignIns >= :attempts")
@NamedQuery(name = "StaffAccount.ofRoles",
        query = "SELECT a FROM StaffAccount a WHERE a.role IN :roles ORDER BY a.username")
public class StaffAccount {

    @Id
    @SequenceGenerator(name = "staff_account_seq", sequenceName = "staff_account_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_account_seq")
    private Long id;

    @Column(name = "username", updatable = false)
    private String username;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "role", updatable = false)
    private String role;

    /** An auditor's organisation: the insurers whose people and sync activity it reads; null for other roles. */
    @Column(name = "organisation", updatable = false)
    @Enumerated(EnumType.STRING)
    private ManagingOrganisation organisation;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "enabled")
    private boolean enabled;

    @Column(name = "failed_sign_ins")
    private int failedSignIns;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    protected StaffAccount() {
    }

    StaffAccount(String username, String displayName, String role, ManagingOrganisation organisation,
                 String passwordHash, Instant createdAt, String createdBy) {
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.organisation = organisation;
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    void signedIn() {
        failedSignIns = 0;
        lockedUntil = null;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    void disable() {
        enabled = false;
    }

    void enable() {
        enabled = true;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String role() {
        return role;
    }

    /** An auditor's organisation, else null. */
    public ManagingOrganisation organisation() {
        return organisation;
    }

    public int failedSignIns() {
        return failedSignIns;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
