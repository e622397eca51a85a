package jp.oqs.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;
import jp.oqs.audit.AuditEntry;
import jp.oqs.audit.AuditTrail;
import jp.oqs.audit.ChainVerification;
import jp.oqs.platform.Page;

/**
 * The audit trail: who looked or acted, when, with which result; newest first, paged on the server. Auditors see
 * everything and can verify the hash chains; administrators see entries about their organisation's insurers.
 */
@Named
@ViewScoped
public class AuditSearch implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE_SIZE = 50;

    @EJB
    private transient AuditTrail audit;

    @Inject
    private ConsoleUser user;

    private String actor;
    private Long personId;
    private LocalDate from;
    private LocalDate to;
    private int page;
    private transient Page<AuditEntry> result;
    private transient Map<Long, String> insurerNumbers;
    private ChainVerification verification;

    public void search() {
        page = 0;
        result = null;
    }

    public void next() {
        if ((long) (page + 1) * PAGE_SIZE < getResult().total()) {
            page++;
            result = null;
        }
    }

    public void previous() {
        if (page > 0) {
            page--;
            result = null;
        }
    }

    public Page<AuditEntry> getResult() {
        if (result == null) {
            result = audit.search(user.scope(), user.isAuditor(), actor, personId, from, to, page, PAGE_SIZE);
            insurerNumbers = audit.insurerNumbers(result.items());
        }
        return result;
    }

    public String insurerNumber(Long insurerId) {
        getResult();
        return insurerId == null ? "" : insurerNumbers.get(insurerId);
    }

    /** Recomputes every chain (auditors only: the page shows the button only to them, and this checks again). */
    public void verify() {
        if (user.isAuditor()) {
            verification = audit.verify();
        }
    }

    public boolean hasNext() {
        return (long) (page + 1) * PAGE_SIZE < getResult().total();
    }

    public int getPage() {
        return page;
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
