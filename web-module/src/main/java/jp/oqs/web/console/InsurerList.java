package jp.oqs.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
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
public class InsurerList extends PagedList<Insurer> {

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

    @Override
    protected Page<Insurer> fetch(int pageNumber, int size) {
        return insurers.search(user.scope(), criteria(pageNumber, size));
    }

    @Override
    protected int pageSize() {
        return PAGE_SIZE;
    }

    InsurerSearch criteria(int pageNumber, int size) {
        String query = text == null || text.isBlank() ? null : text.strip();
        return new InsurerSearch(organisation, category, status, query, pageNumber, size);
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
}
