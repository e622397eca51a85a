package jp.oqs.web.console;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import jp.oqs.api.insurer.InsurerCategory;
import jp.oqs.api.insurer.InsurerStatus;
import jp.oqs.api.insurer.ManagingOrganisation;
import jp.oqs.insurer.AdminScope;
import jp.oqs.insurer.Insurer;
import jp.oqs.insurer.InsurerSearch;
import jp.oqs.insurer.InsurerService;
import jp.oqs.platform.Page;

/**
 * The insurer list as CSV (UTF-8 with BOM, for spreadsheet programs), with the list page's filters. Streams the
 * matches page by page, so the export of all ~1,700 insurers never holds them all at once. Staff only (the console's
 * security constraint), and only the caller's scope.
 */
@WebServlet("/console/insurers.csv")
public class InsurerCsv extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int CHUNK = 500;

    @EJB
    private transient InsurerService insurers;

    @Inject
    private transient ConsoleUser user;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        InsurerCategory category;
        ManagingOrganisation organisation;
        InsurerStatus status;
        try {
            category = parse(InsurerCategory.class, request.getParameter("category"));
            organisation = parse(ManagingOrganisation.class, request.getParameter("organisation"));
            status = parse(InsurerStatus.class, request.getParameter("status"));
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        String q = request.getParameter("q");
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > 100) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        AdminScope scope = user.scope();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"insurers.csv\"");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.write('\uFEFF');
        out.print("insurerNumber,nameKanji,nameKana,category,managingOrganisation,status,statusDate,"
                + "numberingRule,ruleFrom\r\n");
        for (int page = 0; ; page++) {
            Page<Insurer> chunk = insurers.search(scope, new InsurerSearch(organisation, category, status, text, page,
                    CHUNK));
            for (Insurer insurer : chunk.items()) {
                var rule = insurer.numberingRules().isEmpty() ? null
                        : insurer.numberingRules().get(insurer.numberingRules().size() - 1);
                out.print(String.join(",", cell(insurer.insurerNumber()), cell(insurer.nameKanji()),
                        cell(insurer.nameKana()), cell(insurer.category()), cell(insurer.managingOrganisation()),
                        cell(insurer.status()), cell(insurer.statusDate() == null ? null
                                : insurer.statusDate().format(DateTimeFormatter.ISO_LOCAL_DATE)),
                        cell(rule == null ? null : rule.kind()), cell(rule == null ? null : rule.effectiveFrom())));
                out.print("\r\n");
            }
            if ((long) (page + 1) * CHUNK >= chunk.total() || chunk.items().isEmpty()) {
                break;
            }
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return value == null || value.isEmpty() ? null : Enum.valueOf(type, value);
    }

    /**
     * RFC 4180 quoting. A cell a spreadsheet could run as a formula is neutralised with a leading apostrophe (OWASP
     * CSV injection): one that starts with {@code = + - @}, their full-width forms {@code ＝ ＋ － ＠} (and any other
     * character that NFKC folds to one of them), a TAB, a CR or a LF.
     */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && startsLikeFormula(text)) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static boolean startsLikeFormula(String text) {
        String first = text.substring(0, Character.charCount(text.codePointAt(0)));
        String folded = Normalizer.normalize(first, Normalizer.Form.NFKC);
        return !folded.isEmpty() && "=+-@\t\r\n\u2212".indexOf(folded.charAt(0)) >= 0;
    }
}
