package jp.oqs.web.console;

import java.io.Serializable;
import java.util.List;
import jp.oqs.platform.BusinessException;
import jp.oqs.platform.Page;

/**
 * A list paged on the server: the page shown, moving between pages, and a new search from the first page. A page
 * the session beans refuse is shown empty, with their reason as a message.
 */
public abstract class PagedList<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private int page;
    private transient Page<T> result;

    /** One page of matches, from the session beans. */
    protected abstract Page<T> fetch(int pageNumber, int size) throws BusinessException;

    protected abstract int pageSize();

    public void search() {
        page = 0;
        result = null;
    }

    public void next() {
        if (hasNext()) {
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

    public Page<T> getResult() {
        load();
        return result;
    }

    /** Reads the current page unless it is read already; whether the session beans answered it. */
    boolean load() {
        if (result != null) {
            return true;
        }
        try {
            result = fetch(page, pageSize());
            return true;
        } catch (BusinessException refused) {
            Texts.error(refused);
            result = new Page<>(List.of(), 0);
            return false;
        }
    }

    public boolean hasNext() {
        return (long) (page + 1) * pageSize() < getResult().total();
    }

    public int getPage() {
        return page;
    }

    public int getFirstShown() {
        return getResult().items().isEmpty() ? 0 : page * pageSize() + 1;
    }

    public int getLastShown() {
        return page * pageSize() + getResult().items().size();
    }
}
