package org.lhs.qi.definition;

import java.util.List;

/**
 * {@code device-order:} / {@code service-order:} an active or completed DeviceRequest / ServiceRequest with an
 * order intent that is not a "do not perform" request (CQL {@code isDeviceOrderPersonalUseDevices()},
 * {@code isInterventionOrder()}); timing on the authored time.
 */
public record RequestOrdered(String kind, List<String> valueSets, EcqmTiming when) implements Criterion.Ecqm {}
