import matplotlib.pyplot as plt
import pandas as pd
from sklearn.manifold import TSNE
from sklearn.mixture import GaussianMixture as GMM

emb = pd.read_parquet("data/processed/embeddings.parquet").to_numpy()
labels = GMM(n_components=5, covariance_type="full").fit_predict(emb)
xy = TSNE(n_components=2, perplexity=30).fit_transform(emb)
plt.scatter(xy[:, 0], xy[:, 1], c=labels, s=2)
plt.savefig("reports/figures/gmm_tsne.png")
