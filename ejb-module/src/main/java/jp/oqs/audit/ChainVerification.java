package jp.oqs.audit;

import java.util.List;

public record ChainVerification(boolean intact, long entriesChecked, int chains, List<String> broken) {
}
