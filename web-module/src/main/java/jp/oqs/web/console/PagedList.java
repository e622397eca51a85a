package jp.oqs.web.console;

import java.io.Serializable;
import jp.oqs.platform.Page;

/** A list paged on the server: the page shown, moving between pages, and a new search from the first page. */
abstract class PagedList<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private int page;
    private transient Page<T> result;

    /** One page of matches, from the session beans. */
    protected abstract Page<T> fetch(int pageNumber, int size);

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
        if (result == null) {
            result = fetch(page, pageSize());
        }
        return result;
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
