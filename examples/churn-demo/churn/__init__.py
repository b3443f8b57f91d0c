"""Customer churn prediction (顧客解約予測)."""
