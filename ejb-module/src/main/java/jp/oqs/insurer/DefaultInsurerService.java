package jp.oqs.insurer;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.Interceptors;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jp.oqs.platform.Criteria;
import jp.oqs.platform.Page;
import jp.oqs.platform.UniqueKeyViolation;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.oqs.api.insurer.ManagingOrganisation;
import jp.oqs.api.insurer.NumberingRuleRequest;
import jp.oqs.api.insurer.OnboardInsurerRequest;
import jp.oqs.audit.ActorKind;
import jp.oqs.audit.AuditKind;
import jp.oqs.audit.AuditTrail;
import jp.oqs.identifier.InsurerNumber;
import jp.oqs.identifier.InvalidIdentifierException;

/**
 * Orchestrates the registry: find the aggregate, check the scope, call its behaviour, store, audit, log. A change
 * is audited ({@code REGISTRY_CHANGE}, the staff member, the insurer, what changed) only once the aggregate has
 * taken it, in the transaction that commits it; a refused change rolls back and leaves no such entry. Every call
 * runs in a transaction of its own that {@link ScopeRefusalAudit} begins, so that a scope refusal is audited after
 * it has ended (a caller's transaction, if any, is suspended meanwhile).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Interceptors(ScopeRefusalAudit.class)
public class DefaultInsurerService implements InsurerService {

    private static final Logger LOG = System.getLogger(DefaultInsurerService.class.getName());

    @PersistenceContext(unitName = "oqs")
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private AuditTrail audit;

    @Override
    public Insurer onboard(AdminScope scope, OnboardInsurerRequest request)
            throws InvalidIdentifierException, InsurerException {
        InsurerNumber number = InsurerNumber.parse(request.insurerNumber());
        scope.checkChangeable(number.value(), number.managingOrganisation());
        if (!em.createNamedQuery("Insurer.findByNumber", Insurer.class)
                .setParameter("insurerNumber", number.value()).getResultList().isEmpty()) {
            throw new InsurerAlreadyRegisteredException(number.value());
        }
        var contact = request.contact() == null ? null : new ContactInfo(request.contact().department(),
                request.contact().personName(), request.contact().phone(), request.contact().email());
        Instant now = now();
        Insurer insurer = new Insurer(number, request.nameKanji(), request.nameKana(), contact, now, scope.actor());
        if (request.numberingRule() != null) {
            insurer.addNumberingRule(request.numberingRule(), today(), now, scope.actor());
        }
        em.persist(insurer);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueKeyViolation.isCause(e)) {
                throw new InsurerAlreadyRegisteredException(number.value());
            }
            throw e;
        }
        changed(scope, insurer, "ONBOARDED" + (request.numberingRule() == null ? ""
                : " " + request.numberingRule().kind() + " " + request.numberingRule().effectiveFrom()));
        LOG.log(Level.INFO, "insurer {0} onboarded by {1}", number.value(), scope.actor());
        return insurer;
    }

    @Override
    public Page<Insurer> search(AdminScope scope, InsurerSearch search) {
        List<ManagingOrganisation> organisations = new ArrayList<>(scope.organisations());
        if (search.managingOrganisation() != null) {
            organisations.retainAll(List.of(search.managingOrganisation()));
        }
        if (organisations.isEmpty()) {
            return new Page<>(List.of(), 0);
        }
        Criteria criteria = new Criteria()
                .and("i.managingOrganisation IN :organisations", "organisations", organisations)
                .and("i.category = :category", "category", search.category())
                .and("i.status = :status", "status", search.status());
        if (search.text() != null && !search.text().isBlank()) {
            String literal = Criteria.likeLiteral(search.text().strip());
            // a 国保 number is typed with 6 digits and stored zero-padded to 8
            criteria.and("(i.insurerNumber LIKE :numberPrefix ESCAPE '\\' OR i.insurerNumber LIKE :kokuhoPrefix"
                            + " ESCAPE '\\' OR i.nameKanji LIKE :namePart ESCAPE '\\'"
                            + " OR i.nameKana LIKE :namePart ESCAPE '\\')",
                    Map.of("numberPrefix", literal + "%", "kokuhoPrefix", "00" + literal + "%",
                            "namePart", "%" + literal + "%"));
        }
        Page<Insurer> page = criteria.page(em, Insurer.class, "Insurer i", "i.insurerNumber", search.page(),
                search.size(), Map.of("eclipselink.batch", "i.numberingRules"));
        page.items().forEach(insurer -> insurer.numberingRules().size());
        return page;
    }

    @Override
    public Insurer find(AdminScope scope, String insurerNumber) throws InvalidIdentifierException, InsurerException {
        Insurer insurer = load(insurerNumber);
        scope.checkReadable(insurer.insurerNumber(), insurer.managingOrganisation());
        insurer.numberingRules().size();
        return insurer;
    }

    @Override
    public Insurer findForPersonalData(AdminScope scope, String insurerNumber)
            throws InvalidIdentifierException, InsurerException {
        Insurer insurer = load(insurerNumber);
        scope.checkPersonalDataReadable(insurer.insurerNumber(), insurer.managingOrganisation());
        return insurer;
    }

    @Override
    public Insurer activate(AdminScope scope, String insurerNumber)
            throws InvalidIdentifierException, InsurerException {
        Insurer insurer = loadForChange(scope, insurerNumber);
        insurer.activate();
        changed(scope, insurer, "ACTIVATED");
        LOG.log(Level.INFO, "insurer {0} activated by {1}", insurer.insurerNumber(), scope.actor());
        return insurer;
    }

    @Override
    public Insurer suspend(AdminScope scope, String insurerNumber)
            throws InvalidIdentifierException, InsurerException {
        Insurer insurer = loadForChange(scope, insurerNumber);
        insurer.suspend();
        changed(scope, insurer, "SUSPENDED");
        LOG.log(Level.INFO, "insurer {0} suspended by {1}", insurer.insurerNumber(), scope.actor());
        return insurer;
    }

    @Override
    public Insurer merge(AdminScope scope, String insurerNumber, String successorInsurerNumber,
                         LocalDate effectiveDate) throws InvalidIdentifierException, InsurerException {
        Insurer insurer = loadForChange(scope, insurerNumber);
        Insurer successor = loadForChange(scope, successorInsurerNumber);
        insurer.mergeInto(successor, effectiveDate);
        changed(scope, insurer, "MERGED_INTO " + successor.insurerNumber() + " " + effectiveDate);
        LOG.log(Level.INFO, "insurer {0} merged into {1} from {2} by {3}", insurer.insurerNumber(),
                successor.insurerNumber(), effectiveDate, scope.actor());
        return insurer;
    }

    @Override
    public Insurer dissolve(AdminScope scope, String insurerNumber, LocalDate effectiveDate)
            throws InvalidIdentifierException, InsurerException {
        Insurer insurer = loadForChange(scope, insurerNumber);
        insurer.dissolve(effectiveDate);
        changed(scope, insurer, "DISSOLVED " + effectiveDate);
        LOG.log(Level.INFO, "insurer {0} dissolved from {1} by {2}", insurer.insurerNumber(), effectiveDate,
                scope.actor());
        return insurer;
    }

    @Override
    public NumberingRule addNumberingRule(AdminScope scope, String insurerNumber, NumberingRuleRequest request)
            throws InvalidIdentifierException, InsurerException {
        Insurer insurer = loadForChange(scope, insurerNumber);
        NumberingRule rule = insurer.addNumberingRule(request, today(), now(), scope.actor());
        em.flush();
        changed(scope, insurer, "RULE " + rule.kind() + " " + rule.effectiveFrom());
        LOG.log(Level.INFO, "insurer {0}: numbering rule {1} from {2} registered by {3}", insurer.insurerNumber(),
                rule.kind(), rule.effectiveFrom(), scope.actor());
        return rule;
    }

    /** The change on the audit trail, in this transaction: who, which insurer, what (at most 40 characters). */
    private void changed(AdminScope scope, Insurer insurer, String what) {
        audit.record(ActorKind.STAFF, scope.actor(), AuditKind.REGISTRY_CHANGE, null, insurer.id(),
                what.length() <= 40 ? what : what.substring(0, 40));
    }

    private Insurer loadForChange(AdminScope scope, String insurerNumber)
            throws InvalidIdentifierException, InsurerException {
        Insurer insurer = load(insurerNumber);
        scope.checkChangeable(insurer.insurerNumber(), insurer.managingOrganisation());
        return insurer;
    }

    private Insurer load(String insurerNumber) throws InvalidIdentifierException, InsurerNotFoundException {
        InsurerNumber number = InsurerNumber.parse(insurerNumber);
        return em.createNamedQuery("Insurer.findByNumber", Insurer.class)
                .setParameter("insurerNumber", number.value())
                .getResultStream().findFirst()
                .orElseThrow(() -> new InsurerNotFoundException(number.value()));
    }

    /** Now, at the precision the database keeps. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
