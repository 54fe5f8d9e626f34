/* OpenSSL's libcrypto, for SHA-256 of input files (EVP_Digest). */
#include <openssl/evp.h>
