/**
 * The body the runtime benchmark's API answers with (one EV location, ~1 KB of JSON): sent by the
 * loopback server (./loopback-server.mjs) and by the in-memory fetch (./in-memory-fetch.mjs), so
 * both transports give the SDK and bare fetch the same bytes to read.
 */
export const LOCATION_BODY = JSON.stringify({
  requestId: '9d2dee33-7803-485a-a2b1-2c7538e597ee',
  status: 'SUCCESS',
  data: [
    {
      uid: 1234567,
      externalId: 'NL-TNM-L00000001',
      coordinates: { latitude: 52.3702, longitude: 4.8952 },
      operatorName: 'Shell Recharge',
      address: { streetAndNumber: 'Damrak 1', postalCode: '1012 LG', city: 'Amsterdam', country: 'NLD' },
      accessibility: { status: 'Public', remark: '', statusV2: 'Public' },
      evses: [{ uid: 1, externalId: 'NL*TNM*E00000001*0', evseId: 'NL*TNM*E00000001*0', status: 'Available', connectors: [{ uid: 1, externalId: '1', connectorType: 'Type2', electricalProperties: { powerType: 'AC3Phase', voltage: 230, amperage: 16, maxElectricPower: 11 }, fixedCable: false, tariff: { startFee: 0, perMinute: 0, perKWh: 0.35, currency: 'EUR', updated: '2024-01-01T00:00:00Z', updatedBy: 'Operator', structure: 'Flat' } }] }],
      openingHours: [],
      updated: '2024-06-19T07:36:57Z',
    },
  ],
});
