"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ehrPersistence = exports.seedProviderLicenses = exports.ERX_QUEUE = exports.EhrWorkerModule = exports.EhrModule = void 0;
const encounter_entity_1 = require("./encounter.entity");
const _1764115300000_create_ehr_1 = require("./migrations/1764115300000-create-ehr");
const prescription_request_entity_1 = require("./prescription-request.entity");
const prescription_entity_1 = require("./prescription.entity");
const provider_license_entity_1 = require("./providers/provider-license.entity");
var ehr_module_1 = require("./ehr.module");
Object.defineProperty(exports, "EhrModule", { enumerable: true, get: function () { return ehr_module_1.EhrModule; } });
var ehr_worker_module_1 = require("./ehr-worker.module");
Object.defineProperty(exports, "EhrWorkerModule", { enumerable: true, get: function () { return ehr_worker_module_1.EhrWorkerModule; } });
var erx_queue_1 = require("./erx/erx-queue");
Object.defineProperty(exports, "ERX_QUEUE", { enumerable: true, get: function () { return erx_queue_1.ERX_QUEUE; } });
var provider_licenses_seed_1 = require("./providers/provider-licenses.seed");
Object.defineProperty(exports, "seedProviderLicenses", { enumerable: true, get: function () { return provider_licenses_seed_1.seedProviderLicenses; } });
exports.ehrPersistence = {
    entities: [provider_license_entity_1.ProviderLicense, encounter_entity_1.Encounter, prescription_request_entity_1.PrescriptionRequest, prescription_entity_1.Prescription],
    migrations: [_1764115300000_create_ehr_1.CreateEhr1764115300000],
};
