package jp.oqs.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optional criteria of a search, as JPQL conditions with named parameters, run as one count and one page
 * query over {@code FROM <entity> <alias>}.
 */
public final class Criteria {

    /** The conditions joined by AND; no constant "1 = 1" (bound as "? = ?", which HSQLDB cannot type). */
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** Adds {@code condition} (naming {@code :parameter}) unless {@code value} is null. */
    public Criteria and(String condition, String parameter, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(parameter, value);
        }
        return this;
    }

    /** Adds a condition with several parameters. */
    public Criteria and(String condition, Map<String, Object> values) {
        conditions.add(condition);
        parameters.putAll(values);
        return this;
    }

    /**
     * @param from    {@code Entity alias}, e.g. {@code Insurer i}
     * @param orderBy the ordering, e.g. {@code i.insurerNumber}
     */
    public <T> Page<T> page(EntityManager em, Class<T> type, String from, String orderBy, int page, int size,
                            Map<String, Object> hints) {
        String alias = from.substring(from.lastIndexOf(' ') + 1);
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(" + alias + ") FROM " + from + where, Long.class);
        TypedQuery<T> items = em.createQuery("SELECT " + alias + " FROM " + from + where + " ORDER BY " + orderBy,
                type);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            items.setParameter(name, value);
        });
        hints.forEach(items::setHint);
        return new Page<>(items.setFirstResult(Page.firstResult(page, size)).setMaxResults(size).getResultList(),
                count.getSingleResult());
    }

    /** {@code text} as a literal inside a LIKE pattern with {@code ESCAPE '\'}. */
    public static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
