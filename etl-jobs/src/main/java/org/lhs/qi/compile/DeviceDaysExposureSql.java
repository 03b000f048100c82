package org.lhs.qi.compile;

/**
 * Device-days of the subject encounter within the period (NHSN denominators such as central-line days): the sum
 * over the encounter's episodes of one device type of the overlap of [start, coalesce(end, period end)) with
 * [period start, period end), in fractional days. Overlapping episodes of one type count once per episode.
 */
final class DeviceDaysExposureSql {

    private DeviceDaysExposureSql() {}

    /** The exposure expression; the device type is bound as {@code exposure_device_type}. */
    static String of(String deviceType, SqlContext ctx) {
        String type = ctx.bind("exposure", "device_type", deviceType);
        return """
                (
                    SELECT coalesce(sum(extract(epoch FROM
                               least(coalesce(d.end_time, pd.end_time), pd.end_time) - greatest(d.start_time, pd.start_time)
                           ) / 86400), 0)
                    FROM ehr.device_episode d
                    WHERE d.encounter_id = s.encounter_id
                      AND d.device_type = %s
                      AND d.start_time < pd.end_time
                      AND coalesce(d.end_time, pd.end_time) > pd.start_time
                )""".formatted(type);
    }
}
