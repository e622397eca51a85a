package jp.oqs.web.sync;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.security.Roles;
import jp.oqs.api.sync.ChangePage;
import jp.oqs.api.sync.ChangeView;
import jp.oqs.api.sync.NoticePage;
import jp.oqs.api.sync.NoticeView;
import jp.oqs.api.sync.SyncApi;
import jp.oqs.api.sync.SyncBatchRequest;
import jp.oqs.api.sync.SyncBatchResult;
import jp.oqs.api.sync.CertificateEnrolment;
import jp.oqs.api.sync.CertificateView;
import jp.oqs.eligibility.CertificateEnrolments;
import jp.oqs.eligibility.EnrolledCertificate;
import jp.oqs.identifier.InsurerNumber;
import java.util.Set;
import java.util.stream.Collectors;
import jp.oqs.sync.SyncCaller;
import jp.oqs.sync.SyncService;
import jp.oqs.web.rest.Bodies;
import jp.oqs.web.rest.BusinessFailure;
import jp.oqs.web.rest.BodyLimit;
import jp.oqs.web.security.CallerClaims;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Path(SyncApi.PATH)
@RequestScoped
@RolesAllowed(Roles.INSURER_SYNC)
public class SyncResource implements SyncApi {

    @Inject
    private SyncService sync;

    @Inject
    private CallerClaims claims;

    @jakarta.ejb.EJB
    private CertificateEnrolments enrolments;

    @Inject
    @ConfigProperty(name = "oqs.sync.max-records", defaultValue = "10000")
    private int maxRecords;

    @Override
    @BodyLimit(BodyLimit.Kind.SYNC_BATCH)
    public SyncBatchResult submit(SyncBatchRequest batch) {
        Bodies.atMost("records", batch.records(), maxRecords, ErrorCodes.BATCH_TOO_LARGE);
        return SyncViews.batch(BusinessFailure.call(() -> sync.submit(caller(), batch)));
    }

    @Override
    public SyncBatchResult batch(UUID batchId) {
        return SyncViews.batch(BusinessFailure.call(() -> sync.batch(caller(), batchId)));
    }

    @Override
    public NoticePage notices(String insurerNumber, long after, int limit) {
        List<NoticeView> items = BusinessFailure.call(() -> sync.openNotices(caller(), insurerNumber, after, limit))
                .stream().map(SyncViews::notice).toList();
        return new NoticePage(items, items.size() < limit ? null : items.get(items.size() - 1).id());
    }

    @Override
    public NoticeView acknowledge(long id) {
        return SyncViews.notice(BusinessFailure.call(() -> sync.acknowledge(caller(), id)));
    }

    @Override
    public ChangePage changes(String insurerNumber, long after, int limit) {
        List<ChangeView> items = BusinessFailure.call(() -> sync.changes(caller(), insurerNumber, after, limit))
                .stream().map(SyncViews::change).toList();
        return new ChangePage(items, items.isEmpty() ? null : items.get(items.size() - 1).sequence());
    }

    @Override
    @BodyLimit(BodyLimit.Kind.CERTIFICATE)
    public Response enrol(CertificateEnrolment enrolment) {
        var enrolled = BusinessFailure.call(() -> enrolments.enrol(claims.subject(), insurers(), enrolment));
        return Response.status(Response.Status.CREATED).entity(certificate(enrolled)).build();
    }

    @Override
    @BodyLimit(BodyLimit.Kind.CERTIFICATE)
    public CertificateView revokeEnrolment(CertificateEnrolment enrolment) {
        return certificate(BusinessFailure.call(() -> enrolments.revoke(claims.subject(), insurers(), enrolment)));
    }

    private static CertificateView certificate(EnrolledCertificate enrolled) {
        return new CertificateView(enrolled.issuerDn(), enrolled.serialHex(), enrolled.enrolledAt(),
                enrolled.revokedAt());
    }

    private Set<String> insurers() throws jp.oqs.platform.BusinessException {
        return claims.insurerNumbers().stream().map(InsurerNumber::value).collect(Collectors.toSet());
    }

    private SyncCaller caller() throws jp.oqs.platform.BusinessException {
        return SyncViews.caller(claims);
    }
}
