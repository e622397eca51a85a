package jp.oqs.web.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import jp.oqs.api.audit.AuditApi;
import jp.oqs.api.audit.AuditEntryView;
import jp.oqs.api.audit.AuditPage;
import jp.oqs.api.audit.AuditVerification;
import jp.oqs.api.security.Roles;
import jp.oqs.audit.AuditEntry;
import jp.oqs.audit.AuditTrail;
import jp.oqs.audit.ChainVerification;
import jp.oqs.web.security.AdminScopes;

@Path(AuditApi.PATH)
@RequestScoped
@RolesAllowed({Roles.AUDITOR, Roles.SSK_ADMIN, Roles.KOKUHO_ADMIN})
public class AuditResource implements AuditApi {

    @EJB
    private AuditTrail audit;

    @Context
    private SecurityContext security;

    @Override
    public AuditPage search(String actor, Long personId, String from, String to, int page, int size) {
        boolean auditor = security.isUserInRole(Roles.AUDITOR);
        var result = audit.search(AdminScopes.of(security), auditor, actor, personId, day(from), day(to), page,
                size);
        var insurers = audit.insurerNumbers(result.items());
        return new AuditPage(result.items().stream().map(e -> view(e, insurers.get(e.insurerId()))).toList(),
                result.total(), page, size);
    }

    @Override
    @RolesAllowed(Roles.AUDITOR)
    public AuditVerification verify() {
        ChainVerification verification = audit.verify(security.getUserPrincipal().getName());
        return new AuditVerification(verification.intact(), verification.entriesChecked(), verification.chains(),
                verification.broken());
    }

    private static LocalDate day(String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new jakarta.ws.rs.BadRequestException("from/to must be real dates YYYY-MM-DD, got " + value);
        }
    }

    private static AuditEntryView view(AuditEntry entry, String insurerNumber) {
        return new AuditEntryView(entry.checkId(), entry.occurredAt(), entry.actorKind().name(), entry.actor(),
                entry.kind().name(), entry.personId(), insurerNumber, entry.result());
    }
}
