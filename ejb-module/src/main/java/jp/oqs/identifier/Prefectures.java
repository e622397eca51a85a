package jp.oqs.identifier;

/** 都道府県番号 01 (北海道) – 47 (沖縄県). */
final class Prefectures {

    private Prefectures() {
    }

    static boolean isValid(String twoDigits) {
        int code = Integer.parseInt(twoDigits);
        return code >= 1 && code <= 47;
    }
}
