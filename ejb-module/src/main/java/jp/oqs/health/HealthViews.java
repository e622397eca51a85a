package jp.oqs.health;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.oqs.api.health.CheckupItem;
import jp.oqs.api.health.CheckupItemView;
import jp.oqs.api.health.CheckupView;
import jp.oqs.api.health.MedicationView;
import jp.oqs.api.health.SupersededCheckup;
import jp.oqs.api.health.SupersededMedication;

/**
 * What the person and a clinic are shown: each check-up with its items in the standard's order (unknown items
 * last), each item's reference range in words and whether the value lies outside it; the results a correction
 * replaced under the one that replaced them.
 */
final class HealthViews {

    private HealthViews() {
    }

    /**
     * The check-ups, newest first: {@code results} come newest first; each superseded one goes under the current
     * result of the same day and insurer.
     */
    static List<CheckupView> checkups(List<CheckupResult> results, boolean female) {
        Map<String, List<CheckupResult>> byDay = new LinkedHashMap<>();
        for (CheckupResult result : results) {
            byDay.computeIfAbsent(result.examinedOn() + " " + result.insurer().id(), k -> new ArrayList<>())
                    .add(result);
        }
        List<CheckupView> views = new ArrayList<>();
        for (List<CheckupResult> day : byDay.values()) {
            CheckupResult current = day.stream().filter(r -> r.supersededAt() == null).findFirst().orElse(day.get(0));
            List<SupersededCheckup> superseded = day.stream().filter(r -> r != current)
                    .map(r -> new SupersededCheckup(r.receivedAt(), r.supersededAt(), items(r, female))).toList();
            views.add(new CheckupView(current.examinedOn(), current.insurer().insurerNumber(), current.receivedAt(),
                    items(current, female), superseded));
        }
        return views;
    }

    static List<CheckupItemView> items(CheckupResult result, boolean female) {
        return result.entries().stream()
                .sorted(Comparator.comparing((CheckupEntry e) -> CheckupItem.ofCode(e.code())
                        .map(Enum::ordinal).orElse(Integer.MAX_VALUE)).thenComparing(CheckupEntry::code))
                .map(entry -> item(entry, result.examinedOn(), female)).toList();
    }

    static CheckupItemView item(CheckupEntry entry, LocalDate examinedOn, boolean female) {
        Optional<CheckupItem> known = CheckupItem.ofCode(entry.code());
        if (known.isEmpty() || !known.get().coded() && !CheckupValues.isDecimal(entry.value())) {
            return new CheckupItemView(null, entry.code(), entry.code(), entry.value(), entry.unit(), entry.value(),
                    null, null);
        }
        CheckupItem item = known.get();
        if (item.coded()) {
            CheckupItem.Answers answers = item.answers(examinedOn);
            String label = answers.labels().getOrDefault(entry.value(), entry.value());
            Optional<String> reference = answers.reference();
            return new CheckupItemView(item, entry.code(), item.label(), entry.value(), null, label,
                    reference.map(r -> answers.labels().get(r)).orElse(null),
                    reference.map(r -> !r.equals(entry.value())).orElse(null));
        }
        BigDecimal low = item.referenceLow();
        BigDecimal below = item.referenceBelow(female);
        String range = low == null && below == null ? null
                : (low == null ? "" : low.toPlainString() + "以上") + (below == null ? "" : below.toPlainString() + "未満");
        Boolean outside = null;
        if (range != null) {
            BigDecimal value = new BigDecimal(entry.value());
            outside = low != null && value.compareTo(low) < 0 || below != null && value.compareTo(below) >= 0;
        }
        return new CheckupItemView(item, entry.code(), item.label(), entry.value(), entry.unit(), entry.value(),
                range, outside);
    }

    /** The medications, newest first, each superseded record under the one that replaced it. */
    static List<MedicationView> medications(List<DispensedMedication> records) {
        List<MedicationView> views = new ArrayList<>();
        for (DispensedMedication current : records) {
            if (current.supersededAt() != null) {
                continue;
            }
            List<SupersededMedication> superseded = records.stream()
                    .filter(m -> m.supersededAt() != null && m.sameDispensing(current))
                    .map(m -> new SupersededMedication(m.receivedAt(), m.supersededAt(), m.drugName(),
                            m.quantity(), m.unit(), m.days())).toList();
            views.add(new MedicationView(current.dispensedOn(), current.dispensedBy(), current.codeKind(),
                    current.drugCode(), current.drugName(), current.quantity(), current.unit(), current.days(),
                    current.insurer().insurerNumber(), current.receivedAt(), superseded));
        }
        return views;
    }
}
