import { describePermissionMatrix } from "@/lib/testing/permission-matrix";
import { REGISTER_SAMPLES } from "@/lib/testing/permission-samples";

describePermissionMatrix("contracts, reservations, catalog and billing mappings", REGISTER_SAMPLES);
