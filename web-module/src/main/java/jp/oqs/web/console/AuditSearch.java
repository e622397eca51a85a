package jp.oqs.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.oqs.audit.AuditEntry;
import jp.oqs.audit.AuditTrail;
import jp.oqs.audit.ChainVerification;
import jp.oqs.clinic.ClinicAlert;
import jp.oqs.clinic.ClinicAlerts;
import jp.oqs.platform.Page;

/**
 * The audit trail: who looked or acted, when, with which result; newest first, paged on the server. Auditors see
 * everything, can verify the hash chains and see the latest clinic alerts; administrators see entries about their
 * organisation's insurers. Every page read and every verification is itself on the trail ({@code AUDIT_READ}).
 */
@Named
@ViewScoped
public class AuditSearch extends PagedList<AuditEntry> {

    private static final long serialVersionUID = 1L;
    private static final int PAGE_SIZE = 50;
    private static final int ALERTS_SHOWN = 20;

    @EJB
    private transient AuditTrail audit;

    @EJB
    private transient ClinicAlerts alerts;

    @Inject
    private ConsoleUser user;

    private String actor;
    private Long personId;
    private LocalDate from;
    private LocalDate to;
    private transient Map<Long, String> insurerNumbers;
    private ChainVerification verification;
    private List<ClinicAlert> latestAlerts;

    @Override
    protected Page<AuditEntry> fetch(int pageNumber, int size) {
        Page<AuditEntry> page = audit.search(user.scope(), user.isAuditor(), actor, personId, from, to, pageNumber,
                size);
        insurerNumbers = audit.insurerNumbers(page.items());
        return page;
    }

    @Override
    protected int pageSize() {
        return PAGE_SIZE;
    }

    public String insurerNumber(Long insurerId) {
        getResult();
        return insurerId == null ? "" : insurerNumbers.get(insurerId);
    }

    /** Recomputes every chain (auditors only: the page shows the button only to them, and this checks again). */
    public void verify() {
        if (user.isAuditor()) {
            verification = audit.verify(user.getName());
        }
    }

    /** The latest clinic alerts, newest first: for auditors only (empty for anyone else). */
    public List<ClinicAlert> getAlerts() {
        if (latestAlerts == null) {
            latestAlerts = user.isAuditor() ? alerts.recent(ALERTS_SHOWN) : List.of();
        }
        return latestAlerts;
    }

    public ChainVerification getVerification() {
        return verification;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public Long getPersonId() {
        return personId;
    }

    public void setPersonId(Long personId) {
        this.personId = personId;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
