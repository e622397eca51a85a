package jp.oqs.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import jp.oqs.platform.BusinessException;
import jp.oqs.platform.Page;
import jp.oqs.staff.StaffInquiries;
import jp.oqs.sync.OverlapNotice;
import jp.oqs.sync.SyncBatch;
import jp.oqs.sync.SyncRecordResult;

/**
 * What the intermediate server did for one insurer: its open overlap notices (資格喪失の注意喚起), its sync
 * batches newest first, and a chosen batch's per-record results; each list paged on the server.
 */
@Named
@ViewScoped
public class InsurerActivity implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE_SIZE = 20;
    private static final int RESULT_PAGE_SIZE = 100;

    @EJB
    private transient StaffInquiries inquiries;

    @Inject
    private ConsoleUser user;

    private String insurer;
    private String batchId;
    private boolean shown;

    private final PagedList<OverlapNotice> notices = new PagedList<>() {
        @Override
        protected Page<OverlapNotice> fetch(int pageNumber, int size) throws BusinessException {
            return inquiries.openNotices(user.personalDataScope(), insurer, pageNumber, size);
        }

        @Override
        protected int pageSize() {
            return PAGE_SIZE;
        }
    };

    private final PagedList<SyncBatch> batches = new PagedList<>() {
        @Override
        protected Page<SyncBatch> fetch(int pageNumber, int size) throws BusinessException {
            return inquiries.batches(user.personalDataScope(), insurer, pageNumber, size);
        }

        @Override
        protected int pageSize() {
            return PAGE_SIZE;
        }
    };

    private final PagedList<SyncRecordResult> results = new PagedList<>() {
        @Override
        protected Page<SyncRecordResult> fetch(int pageNumber, int size) throws BusinessException {
            return batchId == null ? new Page<>(List.of(), 0)
                    : inquiries.batchResults(user.personalDataScope(), insurer, batchId, pageNumber, size);
        }

        @Override
        protected int pageSize() {
            return RESULT_PAGE_SIZE;
        }
    };

    /**
     * The view action, and the "show" button: the first pages for the insurer. Reads the notices now, so that a
     * refusal (a number outside the caller's scope) is reported before the page is drawn.
     */
    public void show() {
        batchId = null;
        notices.search();
        batches.search();
        results.search();
        shown = insurer != null && !insurer.isBlank() && notices.load();
    }

    public void openBatch(String id) {
        batchId = id;
        results.search();
    }

    public boolean isShown() {
        return shown;
    }

    public PagedList<OverlapNotice> getNotices() {
        return notices;
    }

    public PagedList<SyncBatch> getBatches() {
        return batches;
    }

    public PagedList<SyncRecordResult> getResults() {
        return results;
    }

    public String getInsurer() {
        return insurer;
    }

    public void setInsurer(String insurer) {
        this.insurer = insurer;
    }

    public String getBatchId() {
        return batchId;
    }
}
