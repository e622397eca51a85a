package jp.oqs.web.eligibility;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.eligibility.BulkCounts;
import jp.oqs.api.eligibility.BulkEntryResult;
import jp.oqs.api.eligibility.BulkLookupRequest;
import jp.oqs.api.eligibility.BulkReception;
import jp.oqs.api.eligibility.BulkResult;
import jp.oqs.api.eligibility.BulkStatus;
import jp.oqs.api.eligibility.CertificateLookupRequest;
import jp.oqs.api.eligibility.CertificateLookupResult;
import jp.oqs.api.eligibility.EligibilityApi;
import jp.oqs.api.eligibility.LookupRequest;
import jp.oqs.api.eligibility.LookupResult;
import jp.oqs.api.eligibility.ReferenceNumbersRequest;
import jp.oqs.api.eligibility.ReferenceNumbersResult;
import jp.oqs.api.eligibility.ResultStatus;
import jp.oqs.api.security.Roles;
import jp.oqs.eligibility.BulkChecks;
import jp.oqs.eligibility.BulkEntryRecord;
import jp.oqs.eligibility.BulkRequest;
import jp.oqs.eligibility.BulkRunner;
import jp.oqs.eligibility.EligibilityService;
import jp.oqs.eligibility.ReferenceNumbers;
import jp.oqs.identifier.MedicalInstitutionCode;
import jp.oqs.web.rest.Bodies;
import jp.oqs.web.rest.BusinessFailure;
import jp.oqs.web.rest.BodyLimit;
import jp.oqs.web.security.CallerClaims;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Path(EligibilityApi.PATH)
@RequestScoped
@RolesAllowed(Roles.CLINIC)
public class EligibilityResource implements EligibilityApi {

    private static final Jsonb JSON = JsonbBuilder.create();

    @EJB
    private EligibilityService eligibility;

    @EJB
    private BulkChecks bulk;

    @EJB
    private BulkRunner runner;

    @EJB
    private ReferenceNumbers referenceNumbers;

    @Inject
    private CallerClaims claims;

    @Inject
    private CheckAdmission admission;

    @Inject
    @ConfigProperty(name = "oqs.bulk.max-entries", defaultValue = "100000")
    private int maxEntries;

    @Override
    @BodyLimit(BodyLimit.Kind.LOOKUP)
    public LookupResult lookup(LookupRequest request) {
        MedicalInstitutionCode clinic = clinic();
        return admission.decide(() -> BusinessFailure.call(() -> eligibility.lookup(clinic, request)));
    }

    @Override
    @BodyLimit(BodyLimit.Kind.CERTIFICATE)
    public CertificateLookupResult certificateLookup(CertificateLookupRequest request) {
        MedicalInstitutionCode clinic = clinic();
        return admission.decide(() -> BusinessFailure.call(() -> eligibility.certificateLookup(clinic, request)));
    }

    @Override
    @BodyLimit(BodyLimit.Kind.BULK)
    public Response submitBulk(BulkLookupRequest request) {
        Bodies.atMost("entries", request.entries(), maxEntries, ErrorCodes.BULK_TOO_LARGE);
        BulkRequest accepted = BusinessFailure.call(() -> bulk.submit(clinic(), request.entries()));
        runner.start(accepted.receptionNumber());
        return Response.accepted(new BulkReception(accepted.receptionNumber(), accepted.status(), accepted.total(),
                accepted.submittedAt(), accepted.expiresAt())).build();
    }

    @Override
    public BulkResult bulk(String receptionNumber, int page, int size) {
        BulkRequest request = BusinessFailure.call(() -> bulk.find(clinic(), receptionNumber));
        List<BulkEntryResult> results = request.status() == BulkStatus.DONE
                ? bulk.results(request, page, size).stream().map(EligibilityResource::result).toList()
                : List.of();
        return new BulkResult(request.receptionNumber(), request.status(), request.submittedAt(),
                request.completedAt(), request.expiresAt(), new BulkCounts(request.total(), request.answered(),
                request.valid(), request.invalid(), request.notFound(), request.errors()), results, page, size);
    }

    @Override
    @BodyLimit(BodyLimit.Kind.REFERENCE_NUMBERS)
    public ReferenceNumbersResult putReferenceNumbers(ReferenceNumbersRequest request) {
        return BusinessFailure.call(() -> referenceNumbers.register(clinic(), request.entries()));
    }

    private static BulkEntryResult result(BulkEntryRecord entry) {
        if (entry.resultStatus() == ResultStatus.ERROR) {
            return new BulkEntryResult(entry.index(), entry.entryId(), ResultStatus.ERROR, null, entry.errorCode(),
                    entry.answerJson(), null, null);
        }
        return new BulkEntryResult(entry.index(), entry.entryId(), ResultStatus.COMPLETED, entry.validity(), null,
                null, JSON.fromJson(entry.answerJson(), LookupResult.class), entry.limitCertificateChanged());
    }

    private MedicalInstitutionCode clinic() {
        return BusinessFailure.call(claims::medicalInstitutionCode);
    }
}
