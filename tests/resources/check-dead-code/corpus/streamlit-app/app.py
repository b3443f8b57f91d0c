import pandas as pd
import streamlit as st


@st.cache_data
def load_frame(path):
    return pd.read_csv(path)


frame = load_frame("data.csv")
st.dataframe(frame)
