package jp.oqs.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.oqs.api.insurer.InsurerCategory;
import jp.oqs.api.insurer.InsurerStatus;
import jp.oqs.api.insurer.ManagingOrganisation;
import jp.oqs.insurer.Insurer;
import jp.oqs.insurer.InsurerSearch;
import jp.oqs.insurer.InsurerService;
import jp.oqs.platform.Page;

/** The insurer list: search and filters, paged on the server (the session bean sees only the caller's scope). */
@Named
@ViewScoped
public class InsurerList implements Serializable {

    static final int PAGE_SIZE = 20;
    private static final long serialVersionUID = 1L;

    @EJB
    private transient InsurerService insurers;

    @Inject
    private ConsoleUser user;

    private String text;
    private InsurerCategory category;
    private ManagingOrganisation organisation;
    private InsurerStatus status;
    private int page;
    private transient Page<Insurer> result;

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

    public Page<Insurer> getResult() {
        if (result == null) {
            result = insurers.search(user.scope(), criteria(page, PAGE_SIZE));
        }
        return result;
    }

    InsurerSearch criteria(int pageNumber, int size) {
        String query = text == null || text.isBlank() ? null : text.strip();
        return new InsurerSearch(organisation, category, status, query, pageNumber, size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * PAGE_SIZE < getResult().total();
    }

    public int getFirstShown() {
        return getResult().items().isEmpty() ? 0 : page * PAGE_SIZE + 1;
    }

    public int getLastShown() {
        return page * PAGE_SIZE + getResult().items().size();
    }

    /** The CSV export of the same filters. */
    public String getCsvQuery() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("q", text == null ? null : text.strip());
        parameters.put("category", category);
        parameters.put("organisation", organisation);
        parameters.put("status", status);
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (value != null && !value.toString().isEmpty()) {
                query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    public List<InsurerCategory> getCategories() {
        return List.of(InsurerCategory.values());
    }

    public List<ManagingOrganisation> getOrganisations() {
        return List.of(ManagingOrganisation.values());
    }

    public List<InsurerStatus> getStatuses() {
        return List.of(InsurerStatus.values());
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public InsurerCategory getCategory() {
        return category;
    }

    public void setCategory(InsurerCategory category) {
        this.category = category;
    }

    public ManagingOrganisation getOrganisation() {
        return organisation;
    }

    public void setOrganisation(ManagingOrganisation organisation) {
        this.organisation = organisation;
    }

    public InsurerStatus getStatus() {
        return status;
    }

    public void setStatus(InsurerStatus status) {
        this.status = status;
    }

    public int getPage() {
        return page;
    }
}
