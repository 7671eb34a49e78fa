/*
 * The floor of a BAC time-to-identity on a PC/SC stack: a reader in C with no framework at all. It does what
 * any ICAO reader must before it has the CCCD identity (SELECT eMRTD, GET CHALLENGE, EXTERNAL AUTHENTICATE,
 * one READ BINARY of DG13 by short EF identifier under secure messaging, MAC checked and decrypted), and
 * nothing else: no decode beyond the TLV length, no checks a real reader needs. It speaks bench/card-read's
 * peer protocol (stdin "read BAC ext MRZINFO CAN", one JSON line back), BAC only.
 *   cc -O2 -o bac-floor bac-floor.c -I/usr/include/PCSC -lpcsclite -lcrypto
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <PCSC/winscard.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

static double now_ms(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e3 + t.tv_nsec / 1e6; }

static void sha1(const unsigned char *in, size_t n, unsigned char out[20]) { unsigned int l; EVP_Digest(in, n, out, &l, EVP_sha1(), NULL); }

static void tdes_cbc(int enc, const unsigned char key16[16], const unsigned char iv[8], const unsigned char *in, int n, unsigned char *out) {
  EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new(); int l1 = 0, l2 = 0;
  EVP_CipherInit_ex(c, EVP_des_ede_cbc(), NULL, key16, iv, enc); EVP_CIPHER_CTX_set_padding(c, 0);
  EVP_CipherUpdate(c, out, &l1, in, n); EVP_CipherFinal_ex(c, out + l1, &l2); EVP_CIPHER_CTX_free(c);
}

/* ISO 9797-1 MAC algorithm 3 over padded data. */
static void retail_mac(const unsigned char key16[16], const unsigned char *in, int n, unsigned char mac[8]) {
  unsigned char kk[16], iv[8] = {0}, *tmp = malloc(n);
  memcpy(kk, key16, 8); memcpy(kk + 8, key16, 8);
  if (n > 8) { tdes_cbc(1, kk, iv, in, n - 8, tmp); memcpy(iv, tmp + n - 16, 8); }
  tdes_cbc(1, key16, iv, in + n - 8, 8, mac); free(tmp);
}

static int pad(const unsigned char *in, int n, unsigned char *out) { memcpy(out, in, n); out[n++] = 0x80; while (n % 8) out[n++] = 0; return n; }

static void kdf(const unsigned char *seed, int c, unsigned char key[16]) {
  unsigned char b[20], h[20]; memcpy(b, seed, 16); b[16] = 0; b[17] = 0; b[18] = 0; b[19] = c; sha1(b, 20, h);
  for (int i = 0; i < 16; i++) { unsigned char v = h[i] & 0xfe; int ones = __builtin_popcount(v); key[i] = v | (ones % 2 == 0); }
}

static void inc(unsigned char ssc[8]) { for (int i = 7; i >= 0; i--) if (++ssc[i]) break; }

static SCARDCONTEXT ctx; static const char *reader_name; static int apdus;
static unsigned char rbuf[65600];

static long tx(SCARDHANDLE h, const unsigned char *in, int n, DWORD *rl) {
  apdus++; *rl = sizeof rbuf; return SCardTransmit(h, SCARD_PCI_T1, in, n, NULL, rbuf, rl);
}

static void read_once(const char *mrz) {
  double t0 = now_ms(), connect_ms, auth_ms, id_ms;
  SCARDHANDLE h; DWORD proto, rl; apdus = 0;
  if (SCardConnect(ctx, reader_name, SCARD_SHARE_EXCLUSIVE, SCARD_PROTOCOL_T1, &h, &proto)) { puts("{\"error\":\"connect\"}"); return; }
  connect_ms = now_ms() - t0;
  unsigned char kseed[20], kenc[16], kmac[16];
  sha1((const unsigned char *)mrz, 24, kseed); kdf(kseed, 1, kenc); kdf(kseed, 2, kmac);
  static const unsigned char sel[] = {0, 0xa4, 4, 0x0c, 7, 0xa0, 0, 0, 2, 0x47, 0x10, 1};
  static const unsigned char gc[] = {0, 0x84, 0, 0, 8};
  tx(h, sel, sizeof sel, &rl);
  tx(h, gc, sizeof gc, &rl);
  unsigned char rndic[8], rndifd[8], kifd[16], s[32], e[40], zero[8] = {0};
  memcpy(rndic, rbuf, 8); RAND_bytes(rndifd, 8); RAND_bytes(kifd, 16);
  memcpy(s, rndifd, 8); memcpy(s + 8, rndic, 8); memcpy(s + 16, kifd, 16);
  tdes_cbc(1, kenc, zero, s, 32, e);
  unsigned char p[48]; int pn = pad(e, 32, p); retail_mac(kmac, p, pn, e + 32);
  unsigned char ea[46] = {0, 0x82, 0, 0, 40}; memcpy(ea + 5, e, 40); ea[45] = 40;
  tx(h, ea, 46, &rl);
  if (rl != 42) { puts("{\"error\":\"bac\"}"); SCardDisconnect(h, SCARD_LEAVE_CARD); return; }
  unsigned char r[32], kic[16], seed[16], ksenc[16], ksmac[16], ssc[8];
  tdes_cbc(0, kenc, zero, rbuf, 32, r); memcpy(kic, r + 16, 16);
  for (int i = 0; i < 16; i++) seed[i] = kifd[i] ^ kic[i];
  kdf(seed, 1, ksenc); kdf(seed, 2, ksmac);
  memcpy(ssc, rndic + 4, 4); memcpy(ssc + 4, rndifd + 4, 4);
  auth_ms = now_ms() - t0;
  /* READ BINARY DG13 by SFI 0x0D, Le 65535 (extended), under SM: DO97 + DO8E. */
  inc(ssc);
  unsigned char mac_in[64], hdr[8] = {0x0c, 0xb0, 0x8d, 0x00, 0x80, 0, 0, 0};
  unsigned char do97[] = {0x97, 0x02, 0x00, 0x00};
  int m = 0; memcpy(mac_in, ssc, 8); m = 8; memcpy(mac_in + m, hdr, 8); m += 8; memcpy(mac_in + m, do97, 4); m += 4;
  unsigned char mp[64]; int mpn = pad(mac_in, m, mp); unsigned char cc[8]; retail_mac(ksmac, mp, mpn, cc);
  unsigned char cmd[32] = {0x0c, 0xb0, 0x8d, 0x00, 0x00, 0x00, 14, 0x97, 0x02, 0x00, 0x00, 0x8e, 0x08};
  memcpy(cmd + 13, cc, 8); cmd[21] = 0; cmd[22] = 0;
  tx(h, cmd, 23, &rl);
  /* Response: 87 L 01 <cipher> 99 02 SW 8E 08 MAC SW */
  inc(ssc);
  int off = 1, len = rbuf[off++];
  if (len & 0x80) { int k = len & 0x7f; len = 0; while (k--) len = (len << 8) | rbuf[off++]; }
  int do87_end = off + len;
  unsigned char *resp_mac_in = malloc(8 + do87_end + 4 + 8);
  memcpy(resp_mac_in, ssc, 8); memcpy(resp_mac_in + 8, rbuf, do87_end + 4);
  unsigned char *rp = malloc(8 + do87_end + 4 + 8); int rpn = pad(resp_mac_in, 8 + do87_end + 4, rp);
  unsigned char rm[8]; retail_mac(ksmac, rp, rpn, rm);
  int ok = memcmp(rm, rbuf + do87_end + 6, 8) == 0;
  unsigned char *plain = malloc(len);
  tdes_cbc(0, ksenc, zero, rbuf + off + 1, len - 1, plain);
  /* The identity is there once the DG13 TLV header says the whole template arrived. */
  int dl = plain[1], hl = 2; if (dl & 0x80) { int k = dl & 0x7f; dl = 0; for (int i = 0; i < k; i++) dl = (dl << 8) | plain[2 + i]; hl += k; }
  ok = ok && plain[0] == 0x6d && hl + dl <= len - 1;
  id_ms = now_ms() - t0;
  free(resp_mac_in); free(rp); free(plain);
  SCardDisconnect(h, SCARD_LEAVE_CARD);
  printf("{\"protocol\":\"BAC\",\"readSize\":\"extended\",\"apdus\":%d,\"connectMs\":%.3f,\"authMs\":%.3f,\"identityMs\":%.3f,\"completeMs\":%.3f,\"pa\":\"%s\",\"aa\":\"not done\",\"ca\":\"not done\"}\n",
         apdus, connect_ms, auth_ms, id_ms, id_ms, ok ? "dg13 mac ok" : "dg13 mac BAD");
}

int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  if (SCardEstablishContext(SCARD_SCOPE_SYSTEM, NULL, NULL, &ctx)) { fprintf(stderr, "no pcscd\n"); return 1; }
  static char readers[4096]; DWORD n = sizeof readers;
  if (SCardListReaders(ctx, NULL, readers, &n)) { fprintf(stderr, "no readers\n"); return 1; }
  reader_name = readers;
  const char *want = getenv("PEER_READER");
  for (char *r = readers; *r; r += strlen(r) + 1) if (want && strstr(r, want)) { reader_name = r; break; }
  printf("{\"ready\":true,\"identityOnly\":true,\"identity\":\"DG13 read under SM, MAC checked, decrypted, TLV length checked (no decode)\",\"name\":\"bac-floor (C, pcsc-lite + OpenSSL, no framework)\",\"reader\":\"%s\"}\n", reader_name);
  char line[256];
  while (fgets(line, sizeof line, stdin)) {
    char proto[8], size[8], mrz[32], can[16];
    if (sscanf(line, "read %7s %7s %31s %15s", proto, size, mrz, can) != 4) continue;
    if (strcmp(proto, "BAC") != 0) { puts("{\"error\":\"BAC only\"}"); continue; }
    read_once(mrz);
  }
  return 0;
}
