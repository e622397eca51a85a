package jp.oqs.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import jp.oqs.identifier.InvalidIdentifierException;
import jp.oqs.insurer.InsurerException;
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
    private int noticePage;
    private int batchPage;
    private String batchId;
    private int resultPage;
    private transient Page<OverlapNotice> notices;
    private transient Page<SyncBatch> batches;
    private transient Page<SyncRecordResult> results;

    /** The view action, and the "show" button: reads the first pages for the insurer. */
    public void show() {
        noticePage = 0;
        batchPage = 0;
        batchId = null;
        load();
    }

    private void load() {
        notices = null;
        batches = null;
        results = null;
        if (insurer == null || insurer.isBlank()) {
            return;
        }
        try {
            notices = inquiries.openNotices(user.scope(), insurer, noticePage, PAGE_SIZE);
            batches = inquiries.batches(user.scope(), insurer, batchPage, PAGE_SIZE);
            if (batchId != null) {
                results = inquiries.batchResults(user.scope(), insurer, batchId, resultPage, RESULT_PAGE_SIZE);
            }
        } catch (InvalidIdentifierException | InsurerException e) {
            Texts.error(null, e);
        }
    }

    public void openBatch(String id) {
        batchId = id;
        resultPage = 0;
        load();
    }

    public void moveNotices(int delta) {
        noticePage = Math.max(0, noticePage + delta);
        load();
    }

    public void moveBatches(int delta) {
        batchPage = Math.max(0, batchPage + delta);
        load();
    }

    public void moveResults(int delta) {
        resultPage = Math.max(0, resultPage + delta);
        load();
    }

    public boolean hasMore(Page<?> page, int pageNumber, int size) {
        return page != null && (long) (pageNumber + 1) * size < page.total();
    }

    public Page<OverlapNotice> getNotices() {
        return notices;
    }

    public Page<SyncBatch> getBatches() {
        return batches;
    }

    public Page<SyncRecordResult> getResults() {
        return results;
    }

    public int getPageSize() {
        return PAGE_SIZE;
    }

    public int getResultPageSize() {
        return RESULT_PAGE_SIZE;
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

    public int getNoticePage() {
        return noticePage;
    }

    public int getBatchPage() {
        return batchPage;
    }

    public int getResultPage() {
        return resultPage;
    }
}
